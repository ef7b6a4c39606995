using System.Text.Json;

namespace Onboarding.Bridge.Outbound.Intake;

/// <summary>
/// What agents did in Chatwoot that changes who answers the driver. The bot implements it, so the Chatwoot intake
/// reports agents' activity without depending on the bot (the bot writes into the outbox, never the other way).
/// </summary>
public interface IAgentActivity
{
    /// <summary>An agent wrote in the conversation.</summary>
    Task AgentSpokeAsync(int chatwootConversationId, CancellationToken ct);

    /// <summary>The conversation's status changed; true when that closed one of our conversations.</summary>
    Task<bool> StatusChangedAsync(JsonElement payload, CancellationToken ct);
}
