using System.Globalization;
using System.Text;
using Onboarding.Bridge.Bot.Rendering;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Bot;

/// <summary>Which flow a driver gets: asked once as a numbered list, or switched by writing a language's name.</summary>
public static class LanguageChoice
{
    /// <summary>The flow whose name, code or keyword is the whole message ("English", "inglês", "pt").</summary>
    public static TypebotFlowOption? Named(string? text, IReadOnlyList<TypebotFlowOption> flows) =>
        flows.FirstOrDefault(f => Keywords.Matches(text, [f.Name, f.Language, .. f.Keywords]));

    /// <summary>An answer to the question: the number of an option, or a name.</summary>
    public static TypebotFlowOption? Answer(string? text, IReadOnlyList<TypebotFlowOption> flows)
    {
        var trimmed = (text ?? "").Trim().TrimEnd('.', ')');
        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= flows.Count
            ? flows[n - 1]
            : Named(text, flows);
    }

    public static string Question(string question, IReadOnlyList<TypebotFlowOption> flows)
    {
        var text = new StringBuilder(question).Append("\n\n");
        for (var i = 0; i < flows.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {flows[i].Name}\n");
        }

        return text.ToString().TrimEnd();
    }
}
