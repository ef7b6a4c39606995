using System.Text;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Onboarding.Api.Auth;
using Onboarding.Api.Errors;
using Onboarding.Api.Flows;
using Onboarding.Api.Flows.Check;
using Onboarding.Api.Http;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Sandbox.Hosting;
using Onboarding.Typebot.Flows;

namespace Onboarding.Sandbox.Endpoints.Flows;

/// <summary>What the Sandbox did with an uploaded flow.</summary>
public sealed record LoadFlowResponse(bool Loaded, IReadOnlyList<string> PublicIds, FlowReportResponse Report, string Hint);

/// <summary>
/// An operator tries an edited Typebot export before publishing it: the Sandbox's bot runs it (for every language)
/// until the next upload or restart, and the answer carries the <c>flows check</c> report.
/// </summary>
public sealed class LoadFlowEndpoint(IOptions<TypebotOptions> typebot) : EndpointWithoutRequest<LoadFlowResponse>
{
    private SandboxServices Sandbox => Resolve<SandboxServices>();

    public override void Configure()
    {
        Post("flow");
        Group<SandboxGroup>();
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Sandbox").Produces<LoadFlowResponse>(200, "application/json").ProducesProblemDetails(400).Produces(404)
            .ProducesProblemDetails(413), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Sandbox mode only: run an uploaded flow export in the Sandbox's bot";
            s.Description = "The body is the flow export (JSON, at most 2 MiB). Sessions already running keep the old flow: start from a new phone or write \"reiniciar\".";
            s.ResponseExamples[200] = new LoadFlowResponse(true, [SandboxMode.FlowPublicId], FlowReportResponse.Example, Hint);
        });
    }

    private const string Hint = "The Sandbox's bot now runs this flow. Sessions already running keep the old one: use a new phone or write \"reiniciar\".";

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = CheckFlowEndpoint.MaxBytes + (64 * 1024);
        }

        if (await BoundedBody.ReadAsync(HttpContext.Request, CheckFlowEndpoint.MaxBytes, ct) is not { } raw)
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 413, "body.too_large", $"The flow is larger than the 2 MiB limit ({CheckFlowEndpoint.MaxBytes} bytes).");
            return;
        }

        var json = Encoding.UTF8.GetString(raw).TrimStart('\uFEFF');
        var report = FlowChecker.Check(json);
        if (report.Findings is [{ Rule: FlowLoader.NotJson } notJson])
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 400, "body.malformed_json", $"The body must be a Typebot flow export (one JSON object): {notJson.Message}");
            return;
        }

        var publicIds = typebot.Value.FlowsOrDefault.Select(f => f.PublicId).Distinct().ToList();
        try
        {
            foreach (var publicId in publicIds)
            {
                Sandbox.Typebot.LoadFlow(publicId, json);
            }
        }
        catch (FlowFormatException e)
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 400, "flow.unsupported", $"The Sandbox cannot run this flow: {e.Message}");
            return;
        }

        await Send.OkAsync(new LoadFlowResponse(true, publicIds, FlowReportResponse.From(report), Hint), ct);
    }
}
