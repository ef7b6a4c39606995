using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Onboarding.Bridge.CatchUp;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Onboarding.Bridge.Clients.WppConnect.Json;
using Onboarding.Bridge.Hosting;
using Onboarding.Bridge.Inbound;

namespace Onboarding.Bridge.Webhooks;

public enum IntakeResult
{
    Recorded,
    Duplicate,
    Ignored,
}

/// <summary>Stores what a WPPConnect webhook brings (flattened event payloads) and wakes the pump; no remote calls.</summary>
public sealed partial class WppConnectWebhookIntake(
    InboundLedger ledger,
    BridgeState state,
    DeliveryReceipts receipts,
    WppConnectCatchUp catchUp,
    CatchUpGate gate,
    BridgeSignal signal,
    ILogger<WppConnectWebhookIntake> logger)
{
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private static readonly HashSet<string> MessageEvents = ["onmessage", "onselfmessage", "unreadmessages", "onanymessage"];

    public async Task<IntakeResult> AcceptAsync(JsonElement payload, CancellationToken ct)
    {
        var name = payload.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()!.ToLowerInvariant() : "";
        if (MessageEvents.Contains(name))
        {
            var message = payload.Deserialize<WppMessage>(WppConnectJson.Options);
            if (message?.Id is not { Length: > 0 } id || message.ChatKey is not { Length: > 0 } chat)
            {
                return IntakeResult.Ignored;
            }

            // A time no calendar holds (a corrupt value) counts as missing: the message arrived now.
            var at = message.Time is { } t && t >= MinUnixSeconds && t <= MaxUnixSeconds
                ? DateTimeOffset.FromUnixTimeSeconds(t).UtcDateTime
                : DateTime.UtcNow;
            var recorded = await ledger.RecordAsync(id, chat, message.FromMe, at, "webhook", payload.GetRawText(), ct);
            if (recorded)
            {
                signal.Wake();
            }

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
            var ack = payload.Deserialize<WppMessage>(WppConnectJson.Options);
            return ack?.Id is { Length: > 0 } acked && ack.Ack is { } value && await receipts.RecordAsync(acked, value, ct)
                ? IntakeResult.Recorded
                : IntakeResult.Ignored;
        }

        if (name is "status-find" or "qrcode")
        {
            var value = name == "qrcode" ? Str(payload, "qrcode") : Str(payload, "status");
            if (value is not null)
            {
                await state.SetAsync(name == "qrcode" ? BridgeState.QrCode : BridgeState.SessionEvent, value, ct);
            }

            if (name == "status-find" && value == "inChat")
            {
                await CatchUpAfterReconnectAsync(ct);
            }

            return IntakeResult.Recorded;
        }

        return IntakeResult.Ignored;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>
    /// WhatsApp is back (<c>inChat</c>): record what was written during the gap before any newer message is mirrored.
    /// WPPConnect sends this event before the messages that follow the reconnection, so answering it after the catch-up
    /// keeps the order; mirroring pauses on this replica meanwhile.
    /// </summary>
    private async Task CatchUpAfterReconnectAsync(CancellationToken ct)
    {
        using var closed = gate.Close();
        try
        {
            await catchUp.RunOnceAsync(ct);
        }
        catch (Exception e) when (e is UpstreamException or HttpRequestException or TaskCanceledException or NpgsqlException && !ct.IsCancellationRequested)
        {
            // The session health job catches up on its next pass.
            LogCatchUpFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catch-up after WhatsApp reconnected failed: {Error}")]
    private partial void LogCatchUpFailed(string error);
}
