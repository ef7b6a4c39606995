using System.Security.Cryptography;
using System.Text;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Onboarding.Api.Errors;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Inbound.Intake;

namespace Onboarding.Api.Features.Webhooks;

/// <summary>
/// WPPConnect signs nothing, so the route carries a secret token. The event is stored and acknowledged at once;
/// mirroring to Chatwoot happens in the background.
/// </summary>
public sealed class WppConnectWebhookEndpoint(WppConnectWebhookIntake intake, IOptions<WppConnectOptions> options, IProblemDetailsService problems)
    : EndpointWithoutRequest
{
    // With autoDownload, WPPConnect puts whole media files (base64) in the event.
    private const int MaxBytes = 64 * 1024 * 1024;

    public override void Configure()
    {
        // Read as raw JSON, not bound to a DTO: the payload shape is WPPConnect's and varies with its version.
        Post("/webhooks/wppconnect/{token}");
        AllowAnonymous();
        Description(d => d.WithTags("Webhooks").Produces(200).Produces(400).Produces(404), clearDefaults: true);
        Summary(s => s.Summary = "Events from WPPConnect (onmessage, onselfmessage, unreadmessages, status-find, qrcode)");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookToken);
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(Route<string>("token") ?? "")))
        {
            // Same answer as an unknown route (the same writer as the status code pages): a wrong token learns nothing.
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = { Status = StatusCodes.Status404NotFound } });
            return;
        }

        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        var (_, json) = await WebhookBody.ReadAsync(HttpContext.Request, MaxBytes, ct);
        if (json is not { } payload)
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 400, "body.malformed_json", "The body must be a JSON object of at most 64 MB.");
            return;
        }

        var result = await intake.AcceptAsync(payload, ct);
        await Send.OkAsync(new { ok = true, result = result.ToString().ToLowerInvariant() }, ct);
    }
}
