using Onboarding.Sandbox.Endpoints.Agent;
using Onboarding.Sandbox.Endpoints.Phones;

namespace Onboarding.Sandbox.Endpoints;

/// <summary>OpenAPI examples for the Sandbox routes: synthetic values.</summary>
internal static class SandboxExamples
{
    private static readonly DateTime At = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    public static readonly SandboxPhonesResponse Phones = new(
        [new SandboxPhone("+351915211836", "351915211836@c.us", "Maria", 3, "Olá", At)]);

    public static readonly PhoneChatResponse Chat = new("+351915211836", "351915211836@c.us", "Maria",
    [
        new PhoneMessage("false_351915211836@c.us_3A0F7C2B9D1E4A5B6C", SandboxSenders.Driver, "chat", "Olá", null, 1, At),
        new PhoneMessage("true_351915211836@c.us_3EB0A1B2C3D4E5F60718", SandboxSenders.Bot, "chat",
            "*Aviso de privacidade*\nTratamos os seus dados para avaliar a candidatura.\n\n1. Continuar\n2. Falar com uma pessoa", null, 3, At.AddSeconds(1)),
    ]);

    public static readonly AgentConversation Conversation = new(
        1, "open", "human", "onboarding", ["candidatura"], null, "Maria", "+351915211836", 4, "Obrigado, Maria!", At.AddMinutes(3));

    public static readonly IReadOnlyList<AgentMessage> AgentMessages =
    [
        new AgentMessage(1, "incoming", false, SandboxSenders.Driver, "Olá", "sent", [], At),
        new AgentMessage(2, "outgoing", false, SandboxSenders.Bot, "*Aviso de privacidade*…", "sent", [], At.AddSeconds(1)),
        new AgentMessage(3, "outgoing", true, SandboxSenders.Note, "Passagem para a equipa: o fluxo do bot terminou.", "sent", [], At.AddMinutes(3)),
        new AgentMessage(4, "outgoing", false, SandboxSenders.Agent, "Olá Maria, bem-vinda!", "sent", [], At.AddMinutes(4)),
    ];
}
