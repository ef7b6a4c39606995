using System.Globalization;
using Npgsql;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Inbound.Intake;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Observability;
using Onboarding.Data.Applications;

namespace Onboarding.Bridge.Inbound.Processing;

/// <summary>
/// A Cloud API message that reaches the bridge after a later message of its chat is already in Chatwoot (Meta retried
/// its delivery, or the host was down): Meta's notifications carry whole-second times and no sequence, so it cannot be
/// put back in place. Agents read when it was written instead (docs/0049).
/// </summary>
public static class LateArrival
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById(ApplicationProgress.TimeZone);

    /// <summary>The message as agents should read it: with its WhatsApp time on a first line when it arrived late.</summary>
    public static async Task<ChatwootNewMessage> MarkAsync(
        NpgsqlConnection connection, LedgerRow row, ChatwootNewMessage outgoing, CancellationToken ct)
    {
        if (row.ReceivedVia != CloudApiMessages.Via || !await InboundLedger.LaterMirroredAsync(connection, row.WaChatId, row.WaTimestamp, ct))
        {
            return outgoing;
        }

        BridgeMetrics.ArrivedLate();
        return outgoing with { Content = Line(row.WaTimestamp, row.ReceivedAt) + "\n" + outgoing.Content };
    }

    private const string Ending = ", chegou depois]";

    /// <summary>"[escrita às 10:31:02, chegou depois]", with the day when it was written on another day (Lisbon time).</summary>
    public static string Line(DateTime writtenUtc, DateTime receivedUtc)
    {
        var written = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(writtenUtc, DateTimeKind.Utc), Lisbon);
        var received = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(receivedUtc, DateTimeKind.Utc), Lisbon);
        return written.Date == received.Date
            ? string.Create(CultureInfo.InvariantCulture, $"[escrita às {written:HH:mm:ss}{Ending}")
            : string.Create(CultureInfo.InvariantCulture, $"[escrita a {written:dd/MM/yyyy 'às' HH:mm:ss}{Ending}");
    }

    /// <summary>The driver's text without the first line <see cref="MarkAsync"/> put before it (for audits of what drivers wrote).</summary>
    public static string Strip(string content) =>
        content.StartsWith("[escrita ", StringComparison.Ordinal) && content.IndexOf(Ending + "\n", StringComparison.Ordinal) is var end and > 0
            ? content[(end + Ending.Length + 1)..]
            : content;
}
