using Onboarding.Bridge.Clients.Resilience;

namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>
/// The Typebot viewer and how the bot talks to drivers (section <c>Typebot</c>). Without <see cref="BaseUrl"/> the bot
/// is off and conversations go straight to agents.
/// </summary>
public sealed class TypebotOptions
{
    public const string Section = "Typebot";

    /// <summary>The viewer root (the chat API is under <c>api/v1/</c>), e.g. <c>https://bot.example.pt/</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The published bot's public id.</summary>
    public string PublicId { get; set; } = "";

    public bool Enabled => BaseUrl is not null;

    /// <summary>Origins the flows' media (images, videos, audio, files) are served from, besides <see cref="BaseUrl"/>.</summary>
    public IList<string> MediaHosts { get; set; } = [];

    /// <summary>Flows by language; empty means the one flow of <see cref="PublicId"/> in pt-PT.</summary>
    public IList<TypebotFlowOption> Flows { get; set; } = [];

    /// <summary>Asked when several flows are configured and the driver's language is not known yet.</summary>
    public string LanguageQuestion { get; set; } = "Olá! 👋 Em que língua prefere continuar? / In which language would you like to continue?";

    /// <summary>The configured flows, or the single <see cref="PublicId"/> flow as Portuguese.</summary>
    public IReadOnlyList<TypebotFlowOption> FlowsOrDefault => Flows.Count > 0
        ? [.. Flows]
        : [new TypebotFlowOption { Language = "pt", PublicId = PublicId, Name = "Português" }];

    /// <summary>The flow for a language; the first one when the language is unknown or has no flow.</summary>
    public TypebotFlowOption FlowFor(string? language) =>
        FlowsOrDefault.FirstOrDefault(f => string.Equals(f.Language, language, StringComparison.OrdinalIgnoreCase)) ?? FlowsOrDefault[0];

    /// <summary>Whole messages that hand the conversation to a human (compared ignoring case, accents and punctuation).</summary>
    public IList<string> HandoffKeywords { get; set; } = ["agente", "humano", "pessoa", "falar com alguém"];

    /// <summary>Whole messages that restart the flow from the beginning.</summary>
    public IList<string> ResetKeywords { get; set; } = ["reiniciar", "recomeçar"];

    /// <summary>
    /// Whole messages that take a registered driver to their first missing document, whoever holds the conversation:
    /// the flow starts with <c>resume_at=documents</c> (typebot-flows/README.md).
    /// </summary>
    public IList<string> DocumentKeywords { get; set; } = ["documentos", "documents"];

    /// <summary>Whole messages that skip an optional file input ("send later"): the bridge answers it without a file.</summary>
    public IList<string> SkipKeywords { get; set; } = ["enviar depois", "depois", "mais tarde", "send later", "later", "skip"];

    /// <summary>A session idle for longer starts over (chat API sessions never expire on their own).</summary>
    public int SessionIdleMinutes { get; set; } = 240;

    /// <summary>Messages a driver sends within this window are answered as one.</summary>
    public int DebounceMs { get; set; } = 1500;

    /// <summary>Upper bound of a flow's Wait block, as Typebot's own WhatsApp integration applies.</summary>
    public int MaxWaitSeconds { get; set; } = 10;

    /// <summary>Our API's base URL as Typebot reaches it (prefilled as <c>onboarding_api_url</c>); default <c>Bridge:PublicUrl</c>.</summary>
    public Uri? OnboardingApiUrl { get; set; }

    /// <summary>Drivers already approved go straight to agents instead of the bot.</summary>
    public bool ApprovedDriversToAgents { get; set; } = true;

    /// <summary>Sent to the driver when they ask for a person or the bot fails (empty: nothing is sent).</summary>
    public string HandoffMessage { get; set; } = "Vou passar a conversa a um colega da equipa. Responderemos assim que possível.";

    /// <summary>Failed calls to Typebot in a row before the conversation is handed to agents.</summary>
    public int MaxFailures { get; set; } = 3;

    public HttpCallOptions Http { get; set; } = new();
}
