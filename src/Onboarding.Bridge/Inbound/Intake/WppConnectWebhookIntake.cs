using System.Text.Json;
using Microsoft.Extensions.Logging;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Onboarding.Bridge.Clients.WppConnect.Json;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Inbound.CatchUp;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Inbound.Processing;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Bridge.State;
using Onboarding.Bridge.Webhooks;

namespace Onboarding.Bridge.Inbound.Intake;

/// <summary>Stores what a WPPConnect webhook brings (flattened event payloads) and wakes the pump; no remote calls.</summary>
public sealed partial class WppConnectWebhookIntake(
    InboundLedger ledger,
    BridgeState state,
    DeliveryReceipts receipts,
    ReconnectCatchUp reconnect,
    BridgeSignal signal,
    TimeProvider clock,
    ILogger<WppConnectWebhookIntake> logger)
{
    // WPPConnect Server 2.10.4 posts these three for messages (src/util/createSessionUtil.ts: onMessage → onmessage,
    // onAnyMessage → onselfmessage only, src/util/functions.ts sendUnread → unreadmessages); it never posts "onanymessage".
    private static readonly HashSet<string> MessageEvents = ["onmessage", "onselfmessage", "unreadmessages"];

    public async Task<IntakeResult> AcceptAsync(JsonElement body, CancellationToken ct)
    {
        var payload = WebhookFields.Unwrap(body);
        var name = WebhookFields.Str(payload, "event")?.ToLowerInvariant() ?? "";
        if (MessageEvents.Contains(name))
        {
            if (Read(payload, name) is not { Id: { Length: > 0 } id, ChatKey: { Length: > 0 } chat } message)
            {
                return IntakeResult.Ignored;
            }

            // A time no calendar holds (a corrupt value) counts as missing: the message arrived now.
            var now = clock.GetUtcNow();
            var at = UnixTime.ToUtc(message.Time, now) ?? now.UtcDateTime;
            var recorded = await ledger.RecordAsync(id, chat, message.FromMe, at, "webhook", payload.GetRawText(), ct);

            // Also for a message the ledger had: its row may have been waiting for the file this event brings.
            signal.Wake();

            return recorded ? IntakeResult.Recorded : IntakeResult.Duplicate;
        }

        if (ReferenceNotes.ToEntry(name, payload, DateTime.UtcNow) is { } reference)
        {
            var noted = await ledger.RecordAsync(reference.WaMessageId, reference.WaChatId, reference.FromMe, reference.WaTimestamp,
                "webhook", reference.PayloadJson, ct);
            if (noted)
            {
                signal.Wake();
            }

            return noted ? IntakeResult.Recorded : IntakeResult.Duplicate;
        }

        if (name == "onack")
        {
            return Read(payload, name) is { Id: { Length: > 0 } acked, Ack: { } value } && await receipts.RecordAsync(acked, value, ct)
                ? IntakeResult.Recorded
                : IntakeResult.Ignored;
        }

        if (name == "qrcode")
        {
            // Re-sent on every QR refresh, as bare base64: the newest replaces the one stored (see QrCodes).
            if (QrCodes.AsDataUri(WebhookFields.Str(payload, "qrcode")) is not { } qr)
            {
                return IntakeResult.Ignored;
            }

            await state.SetAsync(BridgeState.QrCode, qr, ct);
            return IntakeResult.Recorded;
        }

        if (name == "status-find")
        {
            var status = WebhookFields.Str(payload, "status");
            if (status is null)
            {
                return IntakeResult.Ignored;
            }

            await state.SetAsync(BridgeState.SessionEvent, status, ct);
            if (status == "inChat")
            {
                // Acknowledged at once; mirroring waits for the gap to be read (ReconnectCatchUp), never this request.
                reconnect.Start();
            }

            return IntakeResult.Recorded;
        }

        return IntakeResult.Ignored;
    }

    /// <summary>
    /// The event as a message, or null when a field has a shape no converter reads: the catch-up reads that message
    /// again from <c>get-messages</c>, so ignoring the event loses nothing and answering 500 would gain nothing.
    /// </summary>
    private WppMessage? Read(JsonElement payload, string eventName)
    {
        try
        {
            return payload.Deserialize<WppMessage>(WppConnectJson.Options);
        }
        catch (JsonException e)
        {
            LogUnreadable(eventName, e.Path);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WPPConnect {Event} event ignored: the field {Path} has a shape no reader knows")]
    private partial void LogUnreadable(string @event, string? path);
}
