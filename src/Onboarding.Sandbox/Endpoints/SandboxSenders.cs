namespace Onboarding.Sandbox.Endpoints;

/// <summary>
/// Who wrote a message, for the Sandbox views: WhatsApp shows every message of ours as the company's, so the outbox
/// row that sent it (its dedupe key) tells a bot reply from an agent's reply or a notice.
/// </summary>
public static class SandboxSenders
{
    public const string Driver = "driver";
    public const string Bot = "bot";
    public const string Agent = "agent";
    public const string Notice = "notice";
    public const string Note = "note";

    /// <summary>Anything else we sent (a message typed on the company phone, or one whose outbox row is gone).</summary>
    public const string Company = "company";

    /// <summary>The sender behind an outbox dedupe key (<c>bot:…</c>, <c>cw:…</c>, <c>notify:…</c>, <c>handoff:…</c>).</summary>
    public static string OfOutboxKey(string? key) => key?.Split(':', 2)[0] switch
    {
        "bot" => Bot,
        "cw" => Agent,
        "notify" or "handoff" => Notice,
        _ => Company,
    };
}
