using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Onboarding.Bridge.Clients.WppConnect.Json;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.State;

namespace Onboarding.Bridge.Inbound.CatchUp;

/// <summary>
/// Fills the gaps webhooks leave (lost deliveries, WPPConnect restarts, our own downtime): walks the chats active
/// since a stored watermark, reads their recent messages and records in the ledger whatever it lacks. The ledger's
/// unique message id makes this safe to run at the same time as the webhooks and on several replicas.
/// </summary>
public sealed partial class WppConnectCatchUp(
    WppConnectClient wpp,
    InboundLedger ledger,
    BridgeState state,
    BridgeSignal signal,
    IOptions<BridgeOptions> options,
    TimeProvider clock,
    ILogger<WppConnectCatchUp> logger)
{
    private const int ChatPage = 100;

    /// <summary>At most 50,000 chats per pass: a bound on a list that would never end.</summary>
    private const int MaxChatPages = 500;
    private const int MessagePage = 100;
    private const int MaxMessagePages = 20;

    /// <summary>Chats seen as active again a little before the watermark, to cover clock skew and late writes.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    /// <summary>One pass; returns how many messages were new to the ledger.</summary>
    public async Task<CatchUpResult> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var stored = await state.GetAsync(BridgeState.CatchUpWatermark, ct);
        var watermark = long.TryParse(stored, CultureInfo.InvariantCulture, out var w) ? w : now - (long)options.Value.Horizon.TotalSeconds;
        var since = watermark - (long)Overlap.TotalSeconds;

        var chats = await ChangedChatsAsync(since, ct);
        var recorded = 0;
        var seen = 0;
        foreach (var chat in chats)
        {
            var read = await RecordChatAsync(chat.Id!, since, ct);
            seen += read.Seen;
            recorded += read.Recorded;
        }

        var next = NextWatermark(watermark, now, chats.Count == 0 ? null : chats.Max(c => UnixTime.Seconds(c.T) ?? 0));
        await state.SetAsync(BridgeState.CatchUpWatermark, next.ToString(CultureInfo.InvariantCulture), ct);
        if (recorded > 0)
        {
            LogRecovered(recorded, chats.Count);
            signal.Wake();
        }

        return new CatchUpResult(chats.Count, seen, recorded);
    }

    /// <summary>
    /// The watermark after a pass that read every chat active since <paramref name="watermark"/> less the overlap: the
    /// newest activity seen, never beyond <paramref name="now"/> (a phone with a wrong clock must not push it ahead),
    /// and at least <paramref name="now"/> less the overlap. Without that floor an idle bridge re-read the chats of
    /// its last busy two minutes on every pass, all night: the newest activity stays where the traffic stopped
    /// (docs/0053). All in unix seconds.
    /// </summary>
    public static long NextWatermark(long watermark, long now, long? newestActivity) =>
        Math.Max(Math.Max(watermark, now - (long)Overlap.TotalSeconds), Math.Min(now, newestActivity ?? long.MinValue));

    /// <summary>
    /// Reads one chat's messages from <paramref name="since"/> (unix seconds) on and records those the ledger lacks;
    /// every pending row among them gets its place in the chat. The catch-up runs it for each changed chat, the
    /// inbound processor for the chat of a fresh webhook row (<c>OrderPeek</c>, docs/0031).
    /// </summary>
    public async Task<(int Seen, int Recorded)> RecordChatAsync(string chatId, long since, CancellationToken ct)
    {
        var messages = await MessagesSinceAsync(chatId, since, ct);
        return (messages.Count, await ledger.RecordManyAsync(messages, "poll", ct));
    }

    /// <summary>
    /// Chats with activity at or after <paramref name="since"/>, from the whole chat list. WPPConnect's
    /// <c>list-chats</c> is wa-js <c>chat.list()</c>: WhatsApp Web's own order (pinned chats first, whatever their
    /// age), and an <c>after</c> page starts with its anchor. No order is assumed, so every page is read; a page that
    /// brings no chat not seen already (an anchor WhatsApp Web no longer holds restarts the list) ends the walk.
    /// </summary>
    private async Task<IReadOnlyList<WppChat>> ChangedChatsAsync(long since, CancellationToken ct)
    {
        var changed = new List<WppChat>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? anchor = null;
        for (var pages = 0; pages < MaxChatPages; pages++)
        {
            var page = await wpp.ListChatsAsync(new WppListChatsRequest { Count = ChatPage, Id = anchor, Direction = anchor is null ? null : "after" }, ct);
            var fresh = 0;
            foreach (var chat in page)
            {
                if (chat.Id is not { Length: > 0 } id || !seen.Add(id))
                {
                    continue;
                }

                fresh++;
                if ((UnixTime.Seconds(chat.T) ?? 0) >= since && !chat.IsGroup)
                {
                    changed.Add(chat);
                }
            }

            if (fresh == 0 || page.Count < ChatPage || page[^1].Id is not { Length: > 0 } last)
            {
                break;
            }

            anchor = last;
        }

        return changed;
    }

    /// <summary>The chat's messages from <paramref name="since"/> on, oldest first, paging back from the newest.</summary>
    private async Task<IReadOnlyList<LedgerEntry>> MessagesSinceAsync(string chatId, long since, CancellationToken ct)
    {
        var pages = new List<IReadOnlyList<WppMessage>>();
        string? before = null;
        for (var i = 0; i < MaxMessagePages; i++)
        {
            var page = await wpp.GetMessagesAsync(chatId, MessagePage, before, ct);
            pages.Add(page);
            if (page.Count < MessagePage || (page[0].Time ?? 0) < since || page[0].Id is not { } oldest || oldest == before)
            {
                break;
            }

            before = oldest;
        }

        return pages.AsEnumerable().Reverse().SelectMany(p => p)
            .Where(m => m.Id is { Length: > 0 } && (m.Time ?? 0) >= since)
            .DistinctBy(m => m.Id)
            .Select(m => new LedgerEntry(m.Id!, m.ChatKey ?? chatId, m.FromMe,
                DateTimeOffset.FromUnixTimeSeconds(m.Time ?? 0).UtcDateTime, StorableJson(m)))
            .ToList();
    }

    /// <summary>The message as jsonb accepts it: Postgres refuses <c>\u0000</c>, so a NUL becomes U+FFFD (as the webhook intake does).</summary>
    private static string StorableJson(WppMessage message) =>
        JsonSerializer.Serialize(message, WppConnectJson.Options).Replace("\\u0000", "\\uFFFD", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up recorded {Count} messages the webhooks had not brought, from {Chats} chats")]
    private partial void LogRecovered(int count, int chats);
}

/// <summary>What one catch-up pass found.</summary>
public sealed record CatchUpResult(int Chats, int Messages, int Recorded);
