namespace Onboarding.Bridge.Bot;

/// <summary>Why a conversation went from the bot to agents (also the metric's <c>reason</c> tag).</summary>
public static class HandoffReasons
{
    public const string FlowEnd = "flow_end";
    public const string Keyword = "keyword";
    public const string BotFailure = "bot_failure";
    public const string Agent = "agent";
    public const string ApprovedDriver = "approved_driver";

    public static string Describe(string reason) => reason switch
    {
        FlowEnd => "o fluxo do bot terminou",
        Keyword => "o condutor pediu para falar com uma pessoa",
        BotFailure => "o bot falhou",
        Agent => "um agente escreveu na conversa",
        ApprovedDriver => "condutor já aprovado",
        _ => reason,
    };
}
