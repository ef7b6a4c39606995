using System.Security.Cryptography;
using System.Text;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Onboarding.Api.Errors;
using Onboarding.Bridge;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Webhooks;

namespace Onboarding.Api.Features.Webhooks;

/// <summary>
/// Chatwoot waits 5 s and never retries: verify, store in the outbox, answer. Signed webhooks (Chatwoot 4.12+)
/// are checked with the inbox secret and a replay window; older Chatwoot can use a <c>?token=</c> instead.
/// </summary>
public sealed class ChatwootWebhookEndpoint(
    ChatwootWebhookIntake intake,
    IOptions<ChatwootOptions> chatwoot,
    IOptions<BridgeOptions> bridge,
    TimeProvider clock) : EndpointWithoutRequest
{
    private const int MaxBytes = 2 * 1024 * 1024;

    public override void Configure()
    {
        Post("/webhooks/chatwoot");
        AllowAnonymous();
        Description(d => d.WithTags("Webhooks").Produces(200).ProducesProblemDetails(400).ProducesProblemDetails(401), clearDefaults: true);
        Summary(s => s.Summary = "Events from Chatwoot (message_created, conversation_status_changed), signed with X-Chatwoot-Signature");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        // The host's default request limit (1 MiB) is below this route's.
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        var (raw, json) = await WebhookBody.ReadAsync(HttpContext.Request, MaxBytes, ct);
        if (!Authentic(raw))
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 401, "webhook.signature", "Missing, wrong or stale X-Chatwoot-Signature.");
            return;
        }

        if (json is not { } payload)
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 400, "body.malformed_json", "The body must be a JSON object of at most 2 MB.");
            return;
        }

        var result = await intake.AcceptAsync(payload, ct);
        await Send.OkAsync(new { ok = true, result = result.ToString().ToLowerInvariant() }, ct);
    }

    private bool Authentic(byte[] raw)
    {
        var secret = chatwoot.Value.WebhookSecret;
        if (!string.IsNullOrEmpty(secret))
        {
            return ChatwootSignature.Verify(secret, HttpContext.Request.Headers["X-Chatwoot-Timestamp"], HttpContext.Request.Headers["X-Chatwoot-Signature"],
                raw, clock.GetUtcNow(), bridge.Value.SignatureWindow);
        }

        var token = bridge.Value.ChatwootWebhookToken;
        return token.Length > 0 && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(HttpContext.Request.Query["token"].ToString()));
    }
}
