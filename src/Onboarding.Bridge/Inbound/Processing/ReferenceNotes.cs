using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Onboarding.Bridge.Clients.WppConnect.Json;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Bridge.Inbound.Processing;

/// <summary>
/// Reactions (<c>onreactionmessage</c>) and deletions (<c>onrevokedmessage</c>): recorded in the ledger like messages,
/// so they keep their place in the chat, and shown to agents as short private notes quoting the message they refer
/// to. Shapes from wa-js 4.6.0 <c>src/chat/events/eventTypes.ts</c> (<c>chat.new_reaction</c>: <c>id</c>,
/// <c>msgId</c> MsgKeys, <c>reactionText</c> "" when removed, <c>sender</c>, <c>timestamp</c>; <c>chat.msg_revoke</c>:
/// <c>from</c>, <c>to</c>, <c>id</c>, <c>refId</c>), posted by WPPConnect Server 2.10.4 <c>src/util/createSessionUtil.ts</c>
/// (<c>onReactionMessage</c>, <c>onRevokedMessage</c>) through <c>callWebHook</c>.
/// </summary>
public sealed class ReferenceNotes
{
    public const string Reaction = "onreactionmessage";
    public const string Revoke = "onrevokedmessage";

    private const int QuoteLength = 80;

    public static bool IsReference(WppMessage message) => message.Event is Reaction or Revoke;

    /// <summary>The ledger entry for a reaction or deletion webhook, or null when it is neither or names no message.</summary>
    public static LedgerEntry? ToEntry(string eventName, JsonElement payload, DateTime now)
    {
        if (eventName is not (Reaction or Revoke))
        {
            return null;
        }

        WppReferenceEvent? e;
        try
        {
            e = payload.Deserialize<WppReferenceEvent>(WppConnectJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }

        var target = eventName == Reaction ? e?.MsgId : e?.RefId;
        if (e?.Id is not { Length: > 0 } id || target is null || ChatOf(target) is not { } chat)
        {
            return null;
        }

        // The reacting or deleting side: its own key says whether it was us (the company phone).
        var fromMe = id.StartsWith("true_", StringComparison.Ordinal);
        var at = e.Timestamp is { } t && t > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(t < 100_000_000_000 ? t * 1000 : t).UtcDateTime : now;
        var stored = new StoredEvent(eventName, target, e.ReactionText, fromMe);
        return new LedgerEntry($"{id}:{(eventName == Reaction ? "reaction:" + e.ReactionText : "revoke")}", chat, fromMe, at,
            JsonSerializer.Serialize(stored, WppConnectJson.Options));
    }

    /// <summary>A Cloud API reaction (<c>reaction.message_id</c>, <c>reaction.emoji</c> absent when removed) as the same ledger entry.</summary>
    public static LedgerEntry CloudReaction(string id, string chat, string target, string? emoji, DateTime at) =>
        new($"{id}:reaction:{emoji}", chat, false, at, JsonSerializer.Serialize(new StoredEvent(Reaction, target, emoji ?? "", false), WppConnectJson.Options));

    /// <summary>The note for agents, quoting the message referred to when the ledger or the outbox has it.</summary>
    public async Task<string> DescribeAsync(NpgsqlConnection connection, WppMessage message, CancellationToken ct)
    {
        var who = message.FromMe ? "O telemóvel da empresa" : "O condutor";
        var quote = await QuoteAsync(connection, message.Event == Reaction ? message.MsgId : message.RefId, ct);
        if (message.Event == Revoke)
        {
            return $"🗑️ {who} apagou a mensagem {quote}.";
        }

        return string.IsNullOrEmpty(message.ReactionText)
            ? $"↩️ {who} retirou a reação à mensagem {quote}."
            : $"{message.ReactionText} {who} reagiu com {message.ReactionText} à mensagem {quote}.";
    }

    private static async Task<string> QuoteAsync(NpgsqlConnection connection, string? waMessageId, CancellationToken ct)
    {
        if (waMessageId is null)
        {
            return "(desconhecida)";
        }

        string? text = null;
        if (await InboundLedger.FindPayloadAsync(connection, waMessageId, ct) is { } json)
        {
            var original = JsonSerializer.Deserialize<WppMessage>(json, WppConnectJson.Options);
            text = original is null ? null
                : InboundContent.IsMedia(original) && string.IsNullOrWhiteSpace(original.Caption)
                    ? InboundContent.Describe(original.Type)
                    : InboundContent.Text(original) ?? InboundContent.Describe(original.Type);
        }
        else if (await OutboxStore.FindSentAsync(connection, waMessageId, ct) is { } sent)
        {
            text = sent.Text ?? sent.FileName;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return "que já não está no histórico";
        }

        text = text.ReplaceLineEndings(" ").Trim();
        return "«" + (text.Length <= QuoteLength ? text : text[..QuoteLength].TrimEnd() + "…") + "»";
    }

    /// <summary><c>"{fromMe}_{chat}_{id}[_{participant}]"</c> → the chat.</summary>
    private static string? ChatOf(string serializedKey)
    {
        var parts = serializedKey.Split('_');
        return parts.Length >= 3 && parts[1].Contains('@', StringComparison.Ordinal) ? parts[1] : null;
    }

    /// <summary>What the ledger keeps of the event: its kind, the message it refers to and the emoji.</summary>
    private sealed record StoredEvent(
        [property: JsonPropertyName("event")] string Event,
        [property: JsonPropertyName("msgId")] string MsgId,
        [property: JsonPropertyName("reactionText")] string? ReactionText,
        [property: JsonPropertyName("fromMe")] bool FromMe)
    {
        [JsonPropertyName("refId")]
        public string RefId => MsgId;

        [JsonPropertyName("type")]
        public string Type => Event == Reaction ? "reaction" : "revoke";
    }

    private sealed record WppReferenceEvent
    {
        [JsonConverter(typeof(WidJsonConverter))]
        public string? Id { get; init; }

        [JsonConverter(typeof(WidJsonConverter))]
        public string? MsgId { get; init; }

        [JsonConverter(typeof(WidJsonConverter))]
        public string? RefId { get; init; }

        public string? ReactionText { get; init; }

        [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
        public long? Timestamp { get; init; }
    }
}
