using System.Text.Json;
using Onboarding.Bridge.Bot.Rendering;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Tests.Bot;

/// <summary>Typebot answers written as the chat API sends them, read through the client's own serializer settings.</summary>
public static class Turns
{
    public static TypebotTurn Parse(string json) => JsonSerializer.Deserialize<TypebotTurn>(json, TypebotJson.Options)!;

    public static TypebotInputBlock Input(string json) => JsonSerializer.Deserialize<TypebotInputBlock>(json, TypebotJson.Options)!;

    /// <summary>A turn with one rich-text bubble whose paragraphs are the given Slate JSON elements.</summary>
    public static TypebotTurn RichText(string elements) =>
        Parse($$$"""{"messages":[{"id":"t1","type":"text","content":{"type":"richText","richText":[{{{elements}}}]}}]}""");

    /// <summary>The texts of a rendering, everything else left out.</summary>
    public static IReadOnlyList<string> Texts(IReadOnlyList<BotOutput> outputs) => outputs.OfType<BotText>().Select(t => t.Text).ToList();

    public static string SingleText(TypebotTurn turn) => WhatsAppRenderer.Render(turn, 10).ShouldHaveSingleItem().ShouldBeOfType<BotText>().Text;
}
