namespace Onboarding.Bridge.Outbound.Outbox;

/// <summary>
/// What a message is to WhatsApp (docs/0027): budgets, the no-cold rule and pauses apply per class.
/// </summary>
public static class MessageClasses
{
    /// <summary>To a driver who is writing: bot answers, agents' replies. Never held behind proactive traffic.</summary>
    public const string Reply = "reply";

    /// <summary>Proactive: status decisions, document requests and reminders, nudges. Only to warm chats, within budget.</summary>
    public const string ServiceNotice = "service_notice";

    /// <summary>For agents: notes and alerts, on the Chatwoot lane only, never on WhatsApp.</summary>
    public const string Operations = "operations";
}
