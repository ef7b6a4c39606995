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

    /// <summary>"[escrita às 10:31:02, chegou depois]", with the day when it was written on another day (Lisbon time).</summary>
    public static string Line(DateTime writtenUtc, DateTime receivedUtc)
    {
        var written = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(writtenUtc, DateTimeKind.Utc), Lisbon);
        var received = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(receivedUtc, DateTimeKind.Utc), Lisbon);
        var format = written.Date == received.Date ? "HH:mm:ss" : "dd/MM/yyyy 'às' HH:mm:ss";
        var when = written.ToString(format, CultureInfo.InvariantCulture);
        return written.Date == received.Date ? $"[escrita às {when}, chegou depois]" : $"[escrita a {when}, chegou depois]";
    }
}
