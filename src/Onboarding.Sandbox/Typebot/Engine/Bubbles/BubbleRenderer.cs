using System.Text.Json.Nodes;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.RichText;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine.Bubbles;

/// <summary>Turns a bubble block into a chat API message (<c>{id, type, content}</c>).</summary>
public static class BubbleRenderer
{
    public static JsonObject Render(FlowBlock block, IReadOnlyList<SessionVariable> variables)
    {
        JsonNode content;
        if (block.Type == BlockTypes.Text)
        {
            var richText = block.Content?["richText"] as JsonArray ?? [];
            content = new JsonObject
            {
                ["type"] = "richText",
                ["richText"] = RichTextRenderer.Render(richText, variables, JavaScriptRunner.Inline),
            };
        }
        else
        {
            content = block.Content!.DeepClone();
            VariableTemplate.DeepParse(content, variables, JavaScriptRunner.Inline);
        }

        return new JsonObject { ["id"] = block.Id, ["type"] = block.Type, ["content"] = content };
    }

    /// <summary>A short text for transcripts: the plain text of a text bubble, else the media URL.</summary>
    public static string Describe(JsonObject message) =>
        message["content"]?["richText"] is JsonArray richText
            ? RichTextRenderer.PlainText(richText)
            : message["content"]?["url"]?.ToString() ?? message["type"]?.ToString() ?? "";
}
