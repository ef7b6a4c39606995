using System.Text.Json;
using Npgsql;
using Onboarding.Bridge.Contacts;
using Onboarding.Bridge.Outbound.Intake;
using Onboarding.Bridge.Webhooks;

namespace Onboarding.Bridge.Bot;

/// <summary>
/// What agents do in Chatwoot that changes who answers: writing in a bot conversation takes it over (handoff, once);
/// resolving it closes it, so the driver's next message starts the bot again.
/// </summary>
public sealed class AgentActivity(NpgsqlDataSource dataSource, Handoff handoff) : IAgentActivity
{
    public async Task AgentSpokeAsync(int chatwootConversationId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (await ContactDirectory.FindConversationAsync(connection, chatwootConversationId, ct) is not { Mode: ConversationModes.Bot } conversation)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await handoff.ToAgentsAsync(connection, transaction, conversation, HandoffReasons.Agent, null, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>True when the change closed one of our conversations.</summary>
    public async Task<bool> StatusChangedAsync(JsonElement payload, CancellationToken ct)
    {
        // The id as a number, a string or an object: a string id once threw here and answered 500.
        if (WebhookFields.Str(payload, "status") != "resolved" || WebhookFields.Id(payload, "id") is not { } id)
        {
            return false;
        }

        return await ContactDirectory.CloseConversationAsync(dataSource, id, ct);
    }
}
