using Npgsql;
using Onboarding.Bridge.Inbound.Ledger;

namespace Onboarding.Bridge.Inbound.Processing;

/// <summary>
/// Gives a mirrored message to whoever answers its conversation (the bot, when it has it). The bot implements it, so the
/// inbound pipeline runs the router without depending on the bot (the bot reads the ledger, never the other way).
/// </summary>
public interface IMessageRouter
{
    /// <summary>Null when the row may be marked done; otherwise how long to wait before it is tried again.</summary>
    Task<TimeSpan?> RouteAsync(NpgsqlConnection connection, LedgerRow row, string? text, long chatwootConversationId, CancellationToken ct);
}
