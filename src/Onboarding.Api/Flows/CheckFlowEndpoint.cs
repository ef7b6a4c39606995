using System.Text;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Features;
using Onboarding.Api.Auth;
using Onboarding.Api.Errors;
using Onboarding.Api.Flows.Check;
using Onboarding.Api.Http;

namespace Onboarding.Api.Flows;

/// <summary>Staff check an edited Typebot export before publishing it, with the same rules as <c>flows check</c>.</summary>
public sealed class CheckFlowEndpoint : EndpointWithoutRequest<FlowReportResponse>
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public override void Configure()
    {
        // The body is the export itself, read raw: binding it to a DTO would reject the flows worth checking.
        Post("/api/flows/check");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d
            .WithName("check_flow")
            .WithTags("Flows")
            .Produces<FlowReportResponse>(200, "application/json")
            .ProducesProblemDetails(400)
            .ProducesProblemDetails(401)
            .ProducesProblemDetails(403)
            .ProducesProblemDetails(413), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Check an exported Typebot flow before publishing it";
            s.Description = "The body is the flow export (JSON, at most 2 MiB). The verdict is error, warning or ok; each finding has a rule code and names its group and block.";
            s.ResponseExamples[200] = FlowReportResponse.Example;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        // The host's default request limit is 1 MiB; the bounded reader stops one chunk past ours.
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes + (64 * 1024);
        }

        if (HttpContext.Request.ContentLength > MaxBytes || await BoundedBody.ReadAsync(HttpContext.Request, MaxBytes, ct) is not { } raw)
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 413, "body.too_large", $"The flow is larger than the 2 MiB limit ({MaxBytes} bytes).");
            return;
        }

        var report = FlowChecker.Check(Encoding.UTF8.GetString(raw).TrimStart('\uFEFF'));
        if (report.Findings is [{ Rule: FlowLoader.NotJson } notJson])
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 400, "body.malformed_json", $"The body must be a Typebot flow export (one JSON object): {notJson.Message}");
            return;
        }

        await Send.OkAsync(FlowReportResponse.From(report), ct);
    }
}
