using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FastEndpoints;
using Microsoft.Extensions.Options;
using Onboarding.Api.Errors;
using Onboarding.Bridge;
using Onboarding.Bridge.Clients.CloudApi;

namespace Onboarding.Api.Features.Webhooks;

/// <summary>
/// The verification request Meta sends when the webhook is registered: <c>hub.mode=subscribe</c>, our
/// <c>hub.verify_token</c>, and a <c>hub.challenge</c> to echo as the body
/// (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests).
/// </summary>
public sealed partial class CloudApiVerificationEndpoint(IOptions<CloudApiOptions> options, IOptions<WhatsAppOptions> whatsApp) : EndpointWithoutRequest
{
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,200}$")]
    private static partial Regex Challenge();

    public override void Configure()
    {
        Get("/webhooks/cloudapi");
        AllowAnonymous();
        Description(d => d.WithTags("Webhooks").Produces<string>(200, "text/plain").ProducesProblemDetails(400).ProducesProblemDetails(403).Produces(404), clearDefaults: true);
        Summary(s => s.Summary = "The WhatsApp Cloud API webhook's verification handshake (hub.mode, hub.verify_token, hub.challenge)");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (!whatsApp.Value.IsCloudApi)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var query = HttpContext.Request.Query;
        var mode = query["hub.mode"].ToString();
        var token = query["hub.verify_token"].ToString();
        var challenge = query["hub.challenge"].ToString();
        if (mode != "subscribe")
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 400, "hub.mode", "hub.mode must be subscribe.", "hub.mode");
            return;
        }

        if (!Challenge().IsMatch(challenge))
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 400, "hub.challenge", "hub.challenge is required (letters, digits, '.', '_' or '-', at most 200).", "hub.challenge");
            return;
        }

        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookVerifyToken);
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(token)))
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 403, "hub.verify_token", "hub.verify_token does not match WhatsApp:CloudApi:WebhookVerifyToken.", "hub.verify_token");
            return;
        }

        await Send.StringAsync(challenge, 200, "text/plain", ct);
    }
}
