using FastEndpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Onboarding.Api.Errors;
using Onboarding.Bridge;
using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Inbound.Intake;

namespace Onboarding.Api.Features.Webhooks;

/// <summary>
/// Meta's Cloud API webhook (docs/0042): signed with <c>X-Hub-Signature-256</c> over the raw body with the app secret,
/// checked before anything is stored; messages go to the ledger and statuses to the receipts, then 200 at once (Meta
/// retries a delivery that is not acknowledged, and the ledger's unique id keeps a retry from counting twice).
/// </summary>
public sealed class CloudApiWebhookEndpoint(CloudApiWebhookIntake intake, IOptions<CloudApiOptions> options, IOptions<WhatsAppOptions> whatsApp)
    : EndpointWithoutRequest
{
    // Meta's payloads carry media ids, never files: a few kilobytes, batched up to a few hundred.
    private const int MaxBytes = 3 * 1024 * 1024;

    public override void Configure()
    {
        Post("/webhooks/cloudapi");
        AllowAnonymous();
        Description(d => d.WithTags("Webhooks").Produces(200).ProducesProblemDetails(400).ProducesProblemDetails(401).Produces(404), clearDefaults: true);
        Summary(s => s.Summary = "Events from the WhatsApp Cloud API (messages, statuses), signed with X-Hub-Signature-256");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (!whatsApp.Value.IsCloudApi)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var header = HttpContext.Request.Headers[CloudApiSignature.Header].ToString();
        if (header.Length == 0)
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 401, "webhook.signature", $"Missing {CloudApiSignature.Header}.", CloudApiSignature.Header);
            return;
        }

        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        var (raw, json) = await WebhookBody.ReadAsync(HttpContext.Request, MaxBytes, ct);
        if (!CloudApiSignature.Verify(options.Value.AppSecret, header, raw))
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 401, "webhook.signature",
                $"{CloudApiSignature.Header} does not match: it must be sha256= and the HMAC-SHA256 of the raw body with the app secret.", CloudApiSignature.Header);
            return;
        }

        if (json is not { } payload)
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 400, "body.malformed_json", "The body must be a JSON object of at most 3 MB.");
            return;
        }

        var result = await intake.AcceptAsync(payload, ct);
        await Send.OkAsync(new { ok = true, result = result.ToString().ToLowerInvariant() }, ct);
    }
}
