using System.Globalization;
using Onboarding.Sandbox.Chatwoot;

namespace Onboarding.Sandbox.Endpoints.Agent;

/// <summary>
/// A conversation as the fake Chatwoot's agents see it; <c>Mode</c> is the bridge's own (<c>bot</c>, <c>human</c>,
/// <c>closed</c>), null for a conversation the bridge does not manage.
/// </summary>
public sealed record AgentConversation(
    int Id, string Status, string? Mode, string? Team, IReadOnlyList<string> Labels, string? Assignee, string? ContactName,
    string? ContactPhone, int Messages, string? LastText, DateTime LastActivityAt)
{
    public static AgentConversation From(CwConversation c, CwContact? contact, IReadOnlyList<CwMessage> messages, string? mode) => new(
        c.Id, c.Status, mode, c.TeamId == FakeChatwoot.TeamId ? FakeChatwoot.TeamName : c.TeamId?.ToString(CultureInfo.InvariantCulture),
        c.Labels.ToList(), c.AssigneeId == FakeChatwoot.AgentId ? FakeChatwoot.AgentName : null, contact?.Name, contact?.PhoneNumber,
        messages.Count, messages.LastOrDefault(m => !m.Private)?.Content, DateTimeOffset.FromUnixTimeSeconds(c.LastActivityAt).UtcDateTime);
}

public sealed record AgentConversationsResponse(IReadOnlyList<AgentConversation> Conversations);

/// <summary>
/// A message in a conversation. <c>Sender</c>: <c>driver</c>, <c>agent</c>, <c>bot</c>, <c>notice</c> (what the
/// bridge mirrored of its own sends), <c>note</c> for private notes, <c>company</c> otherwise.
/// </summary>
public sealed record AgentMessage(
    int Id, string MessageType, bool Private, string Sender, string? Content, string Status, IReadOnlyList<string> Attachments, DateTime At)
{
    public static AgentMessage From(CwMessage m) => new(
        m.Id, m.MessageType, m.Private, SenderOf(m), m.Content, m.Status, m.Attachments.Select(a => a.FileName).ToList(), m.CreatedAt.UtcDateTime);

    private static string SenderOf(CwMessage m) => m switch
    {
        { Private: true } => SandboxSenders.Note,
        { MessageType: "incoming" } => SandboxSenders.Driver,
        // The bridge tags what it posts with "onboarding:<outbox key>"; an agent's own reply has no source id.
        { SourceId: { } source } when source.StartsWith("onboarding:", StringComparison.Ordinal) => SandboxSenders.OfOutboxKey(source["onboarding:".Length..]),
        { SourceId: null, SenderType: "User" } => SandboxSenders.Agent,
        _ => SandboxSenders.Company,
    };
}

/// <summary>One conversation with its messages, oldest first.</summary>
public sealed record AgentConversationResponse(AgentConversation Conversation, IReadOnlyList<AgentMessage> Messages);
