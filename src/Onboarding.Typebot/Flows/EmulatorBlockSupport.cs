namespace Onboarding.Typebot.Flows;

/// <summary>
/// Which block types the Sandbox's Typebot emulator runs, and so the WhatsApp bridge can show: its
/// <see cref="BlockTypes"/> bubbles and inputs, and the logic and integration blocks its <c>FlowWalker</c>
/// executes. Cards are an input in Typebot's schema, but the walker skips them. The walker runs a logic or
/// integration block only when it is listed here, and the flow checker warns about every other one.
/// </summary>
public static class EmulatorBlockSupport
{
    /// <summary>The logic and integration blocks the walker executes (a Sandbox test runs each one).</summary>
    public static IReadOnlySet<string> Executed { get; } = new HashSet<string>
    {
        BlockTypes.SetVariable, BlockTypes.Condition, BlockTypes.Jump, BlockTypes.Return, BlockTypes.AbTest,
        BlockTypes.Redirect, BlockTypes.Wait, BlockTypes.TypebotLink, BlockTypes.Script, BlockTypes.Chatwoot,
        BlockTypes.HttpRequest, BlockTypes.Zapier, BlockTypes.MakeCom, BlockTypes.Pabbly,
    };

    /// <summary>Typebot 6.x block types the walker passes over with a "skipped block" log.</summary>
    private static readonly HashSet<string> Skipped =
    [
        BlockTypes.Cards, BlockTypes.WaitForWebhook, "Google Sheets", "Google Analytics", "OpenAI", "Email", "Pixel",
        // Plug-in ("forged") blocks, by their ids in Typebot's forge registry.
        "openai", "cal-com", "chat-node", "qr-code", "dify-ai", "mistral", "elevenlabs", "anthropic", "together-ai",
        "open-router", "nocodb", "segment", "posthog", "groq", "zendesk", "perplexity", "deepseek", "blink",
    ];

    public static bool Runs(string type) =>
        BlockTypes.IsBubble(type) || (BlockTypes.IsInput(type) && type != BlockTypes.Cards) || Executed.Contains(type);

    public static bool IsSkipped(string type) => Skipped.Contains(type);
}
