using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Inbound.CatchUp;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Observability;

namespace Onboarding.Bridge.Inbound.Processing;

/// <summary>
/// WPPConnect posts webhooks without waiting and decrypts a file before posting its event, so a text written just
/// after a photo can reach the ledger first, and both carry the same WhatsApp second. Before a fresh webhook row is
/// mirrored, the chat's latest messages are read once (the catch-up's own per-chat read and insert): an earlier
/// message WhatsApp Web already holds is recorded, and every pending row read gets its <c>chat_position</c>, so the
/// drain's order puts it first (docs/0031).
/// </summary>
public sealed partial class OrderPeek(WppConnectCatchUp catchUp, IOptions<BridgeOptions> options, ILogger<OrderPeek> logger)
{
    /// <summary>A webhook row received longer ago than this is not peeked for: what was in flight has arrived by then.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    /// <summary>How far before the row's WhatsApp time the read looks for earlier messages (a large file decrypts slowly).</summary>
    public static readonly TimeSpan Reach = TimeSpan.FromMinutes(1);

    /// <summary>A webhook row not placed by any read of its chat yet, received moments ago.</summary>
    public bool Wants(LedgerRow row) =>
        options.Value.OrderPeek && row.ReceivedVia == "webhook" && row.ChatPosition is null && row.Age < Fresh;

    /// <summary>
    /// Reads the row's chat and records what it lacks. A WPPConnect failure is counted and mirroring goes on: order
    /// is best effort here, and the catch-up still records whatever the read missed.
    /// </summary>
    public async Task PlaceAsync(LedgerRow row, CancellationToken ct)
    {
        var since = new DateTimeOffset(DateTime.SpecifyKind(row.WaTimestamp, DateTimeKind.Utc)).ToUnixTimeSeconds() - (long)Reach.TotalSeconds;
        try
        {
            var (_, recorded) = await catchUp.RecordChatAsync(row.WaChatId, since, ct);
            BridgeMetrics.OrderPeeked(recorded > 0 ? "recorded" : "placed");
        }
        catch (Exception e) when (!RowFailure.IsInfrastructure(e, ct))
        {
            BridgeMetrics.OrderPeeked("failed");
            LogPeekFailed(row.Id, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the chat of row {Row} before mirroring it failed ({Error}); it is mirrored without")]
    private partial void LogPeekFailed(long row, string error);
}
