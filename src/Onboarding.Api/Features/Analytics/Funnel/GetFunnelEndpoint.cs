using FastEndpoints;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Onboarding.Api.Auth;
using Onboarding.Data.Applications;
using Onboarding.Data.Documents.Checklist;

namespace Onboarding.Api.Features.Analytics.Funnel;

/// <summary>The recruiting funnel (docs/0037), as JSON or, with <c>?format=csv</c> or <c>Accept: text/csv</c>, CSV.</summary>
public sealed class GetFunnelEndpoint(ApplicationProgress applications, FlowQuestionNames names, IOptions<DocumentsOptions> documents) : Endpoint<GetFunnelRequest, FunnelResponse>
{
    public override void Configure()
    {
        Get("/api/analytics/funnel");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Analytics").Produces(200, contentType: "text/csv"));
        Summary(s =>
        {
            s.Summary = "The funnel from first contact to a decision, with drop-off per question and a weekly trend";
            s.ExampleRequest = new GetFunnelRequest { From = "2026-11-01", To = "2026-11-30", Language = "pt" };
        });
    }

    public override async Task HandleAsync(GetFunnelRequest req, CancellationToken ct)
    {
        var funnel = FunnelResponse.From(await applications.FunnelAsync(req.ToFilter(), documents.Value.Enabled, ct), names);
        if (req.Format == "csv" || req.Format is null && WantsCsv())
        {
            HttpContext.Response.Headers.ContentDisposition = "attachment; filename=funnel.csv";
            await Send.StringAsync(FunnelCsv.Write(funnel), 200, "text/csv; charset=utf-8", ct);
            return;
        }

        await Send.OkAsync(funnel, ct);
    }

    // CSV when the client names it first (the console sends "application/json, text/csv" and reads JSON here).
    private bool WantsCsv() =>
        MediaTypeHeaderValue.TryParseList(HttpContext.Request.Headers.Accept, out var accepted)
        && accepted.OrderByDescending(a => a.Quality ?? 1).FirstOrDefault() is { } first
        && first.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase);
}
