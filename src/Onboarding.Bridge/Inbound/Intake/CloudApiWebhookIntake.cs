using System.Text.Json;
using Microsoft.Extensions.Logging;
using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Bridge.Webhooks;

namespace Onboarding.Bridge.Inbound.Intake;

/// <summary>
/// Stores what a Cloud API webhook brings and wakes the pump; no remote calls. Messages go to the ledger (the unique
/// WhatsApp id records each once, whatever Meta redelivers), statuses become delivery receipts as WPPConnect's acks
/// do. One delivery may batch several entries, changes, messages and statuses
/// (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components).
/// </summary>
public sealed partial class CloudApiWebhookIntake(
    InboundLedger ledger,
    DeliveryReceipts receipts,
    BridgeSignal signal,
    TimeProvider clock,
    ILogger<CloudApiWebhookIntake> logger)
{
    public async Task<IntakeResult> AcceptAsync(JsonElement body, CancellationToken ct)
    {
        var recorded = 0;
        var duplicates = 0;
        foreach (var value in Values(body))
        {
            var names = Names(value);
            foreach (var message in Array(value, "messages"))
            {
                var from = WebhookFields.Str(message, "from");
                if (CloudApiMessages.ToEntry(message, from is null ? null : names.GetValueOrDefault(from), clock.GetUtcNow().UtcDateTime) is not { } entry)
                {
                    continue;
                }

                if (await ledger.RecordAsync(entry.WaMessageId, entry.WaChatId, entry.FromMe, entry.WaTimestamp, CloudApiMessages.Via, entry.PayloadJson, ct))
                {
                    recorded++;
                }
                else
                {
                    duplicates++;
                }
            }

            foreach (var status in Array(value, "statuses"))
            {
                if (WebhookFields.Str(status, "id") is { Length: > 0 } id && AckOf(WebhookFields.Str(status, "status")) is { } ack)
                {
                    if (await receipts.RecordAsync(id, ack, ack < 0 ? ErrorOf(status) : null, ct))
                    {
                        recorded++;
                    }
                }
            }

            foreach (var error in Array(value, "errors"))
            {
                // Errors about the app or number itself (not one message): operators read them in the log.
                LogError(WebhookFields.Id(error, "code"), WebhookFields.Str(error, "title"));
            }
        }

        if (recorded > 0)
        {
            signal.Wake();
        }

        return recorded > 0 ? IntakeResult.Recorded : duplicates > 0 ? IntakeResult.Duplicate : IntakeResult.Ignored;
    }

    /// <summary>sent 1, delivered 2, read 3, failed -1: WPPConnect's ack numbers, which the receipts store keeps.</summary>
    public static int? AckOf(string? status) => status switch
    {
        "sent" => 1,
        "delivered" => 2,
        "read" => 3,
        "failed" => -1,
        _ => null,
    };

    /// <summary>What agents read for a failed status: our words for the codes they meet, else Meta's, with the code.</summary>
    private static string? ErrorOf(JsonElement status)
    {
        var error = Array(status, "errors").FirstOrDefault();
        if (error.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var details = error.TryGetProperty("error_data", out var data) ? WebhookFields.Str(data, "details") : null;
        var code = WebhookFields.Id(error, "code");
        return CloudSendClassifier.Describe(new CloudError((int?)code, WebhookFields.Str(error, "title") ?? WebhookFields.Str(error, "message"), details), 200);
    }

    /// <summary>Every <c>entry[].changes[].value</c> of a <c>messages</c> change.</summary>
    private static IEnumerable<JsonElement> Values(JsonElement body)
    {
        foreach (var entry in Array(body, "entry"))
        {
            foreach (var change in Array(entry, "changes"))
            {
                if (WebhookFields.Str(change, "field") is null or "messages" && change.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object)
                {
                    yield return value;
                }
            }
        }
    }

    /// <summary>The profile name Meta gives per <c>wa_id</c> (<c>value.contacts[]</c>).</summary>
    private static Dictionary<string, string> Names(JsonElement value)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var contact in Array(value, "contacts"))
        {
            if (WebhookFields.Str(contact, "wa_id") is { } waId && contact.TryGetProperty("profile", out var profile)
                && WebhookFields.Str(profile, "name") is { Length: > 0 } name)
            {
                names[waId] = name;
            }
        }

        return names;
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object)
            : [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cloud API webhook reported error {Code}: {Title}")]
    private partial void LogError(long? code, string? title);
}
