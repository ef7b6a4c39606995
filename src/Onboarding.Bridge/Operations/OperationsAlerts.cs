using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Bridge.State;

namespace Onboarding.Bridge.Operations;

/// <summary>
/// Tells the agents in Chatwoot when the bridge needs a person: the WhatsApp session is not connected, dead letters
/// exist, or the inbound backlog is past its threshold. One private note in the operations conversation
/// (<c>Chatwoot:OperationsConversationId</c>) when a condition starts and one when it ends, whichever replica sees it.
/// </summary>
public sealed partial class OperationsAlerts(
    NpgsqlDataSource dataSource,
    BridgeState state,
    IOptions<ChatwootOptions> chatwoot,
    IOptions<BridgeOptions> bridge,
    BridgeSignal signal,
    ILogger<OperationsAlerts> logger)
{
    public const string Session = "session";
    public const string DeadLetters = "dead_letters";
    public const string Backlog = "backlog";

    /// <summary>Checks each condition against what was last announced; returns the notes enqueued.</summary>
    public async Task<int> EvaluateAsync(string? sessionStatus, BridgeDepth depth, CancellationToken ct)
    {
        var notes = 0;
        if (sessionStatus is not null)
        {
            notes += await ChangeAsync(Session, sessionStatus != "CONNECTED",
                $"⚠️ A sessão do WhatsApp não está ligada ({sessionStatus}). Veja o código QR na consola (página Ponte).",
                "✅ A sessão do WhatsApp está ligada outra vez.", ct);
        }

        notes += await ChangeAsync(DeadLetters, depth.Dead > 0,
            $"⚠️ {depth.Dead} mensagem(ns) não chegaram ao WhatsApp (cartas mortas). Reenvie-as na consola (página Ponte).",
            "✅ Já não há cartas mortas.", ct);
        notes += await ChangeAsync(Backlog, depth.Backlog > bridge.Value.BacklogAlertThreshold,
            $"⚠️ {depth.Backlog.ToString(CultureInfo.InvariantCulture)} mensagens do WhatsApp à espera de entrar no Chatwoot.",
            "✅ As mensagens do WhatsApp voltaram a entrar no Chatwoot sem atraso.", ct);
        return notes;
    }

    private async Task<int> ChangeAsync(string condition, bool active, string raised, string cleared, CancellationToken ct)
    {
        var key = "alert." + condition;
        var was = await state.GetAsync(key, ct) is { } value && value != "0";
        if (was == active)
        {
            return 0;
        }

        var since = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await state.SetAsync(key, active ? since : "0", ct);
        var text = active ? raised : cleared;
        LogAlert(condition, text);
        if (chatwoot.Value.OperationsConversationId is not { } conversation)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await OutboxStore.InsertAsync(connection, null, new OutboxEntry($"alert:{condition}:{since}", "operations", OutboxKinds.ChatwootMessage,
            new OutboxPayload { Text = text, Private = true, SourceId = $"onboarding:alert:{condition}:{since}" })
        {
            Lane = OutboxLanes.Chatwoot,
            ChatwootConversationId = conversation,
        }, ct);
        signal.Wake();
        return 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operations alert {Condition}: {Text}")]
    private partial void LogAlert(string condition, string text);
}
