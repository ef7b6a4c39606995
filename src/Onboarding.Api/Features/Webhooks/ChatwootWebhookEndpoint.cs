using System.Security.Cryptography;
using System.Text;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Onboarding.Api.Errors;
using Onboarding.Bridge;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Outbound.Intake;
using Onboarding.Bridge.Webhooks;

namespace Onboarding.Api.Features.Webhooks;

/// <summary>
/// Chatwoot waits 5 s and never retries: verify, store in the outbox, answer. Signed webhooks (Chatwoot 4.12+)
/// are checked with the inbox secret and a replay window; older Chatwoot can use a <c>?token=</c> instead.
/// </summary>
public sealed class ChatwootWebhookEndpoint(
    ChatwootWebhookIntake intake,
    WebhookReceipts receipts,
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
        // The headers first: a post without a fresh signature (or the URL token) is refused before its body is read.
        var headers = HttpContext.Request.Headers;
        var signed = !string.IsNullOrEmpty(chatwoot.Value.WebhookSecret);
        if (signed ? !ChatwootSignature.Fresh(headers["X-Chatwoot-Timestamp"], headers["X-Chatwoot-Signature"], clock.GetUtcNow(), bridge.Value.SignatureWindow) : !TokenMatches())
        {
            await RefuseAsync();
            return;
        }

        // The host's default request limit (1 MiB) is below this route's.
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        var (raw, json) = await WebhookBody.ReadAsync(HttpContext.Request, MaxBytes, ct);
        if (signed && !ChatwootSignature.Verify(chatwoot.Value.WebhookSecret, headers["X-Chatwoot-Timestamp"], headers["X-Chatwoot-Signature"],
                raw, clock.GetUtcNow(), bridge.Value.SignatureWindow))
        {
            await RefuseAsync();
            return;
        }

        if (json is not { } payload)
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 400, "body.malformed_json", "The body must be a JSON object of at most 2 MB.");
            return;
        }

        // A signed delivery is applied once in its window, status events included (docs/0019).
        var keys = signed ? WebhookReceipts.KeysOf(headers["X-Chatwoot-Signature"].ToString(), headers["X-Chatwoot-Delivery"]) : [];
        if (keys.Length > 0 && !await receipts.FirstTimeAsync(keys, ct))
        {
            await Send.OkAsync(new { ok = true, result = "duplicate" }, ct);
            return;
        }

        IntakeResult result;
        try
        {
            result = await intake.AcceptAsync(payload, ct);
        }
        catch
        {
            await receipts.ForgetAsync(keys, CancellationToken.None);
            throw;
        }

        await Send.OkAsync(new { ok = true, result = result.ToString().ToLowerInvariant() }, ct);
    }

    private Task RefuseAsync() =>
        ApiErrorWriter.WriteAsync(HttpContext, 401, "webhook.signature", "Missing, wrong or stale X-Chatwoot-Signature.");

    private bool TokenMatches()
    {
        var token = bridge.Value.ChatwootWebhookToken;
        return token.Length > 0 && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(HttpContext.Request.Query["token"].ToString()));
    }
}
