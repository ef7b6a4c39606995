using System.Text.Json.Nodes;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine.Inputs;

/// <summary>
/// Typebot's <c>formatInputForChatResponse</c>: the input block itself with variables substituted, the choice
/// items actually displayed, and the current value of its variable as <c>prefilledValue</c>.
/// </summary>
public static class InputFormatter
{
    public static JsonObject Format(FlowBlock block, IReadOnlyList<SessionVariable> variables)
    {
        var input = (JsonObject)block.Raw.DeepClone();
        if (block.Type is BlockTypes.ChoiceInput or BlockTypes.PictureChoiceInput)
        {
            input["items"] = new JsonArray(ChoiceItems.Displayed(block, variables).Select(i => (JsonNode)i.Raw.DeepClone()).ToArray());
        }

        VariableTemplate.DeepParse(input, variables, JavaScriptRunner.Inline);
        if (block.Type is not (BlockTypes.ChoiceInput or BlockTypes.PictureChoiceInput or BlockTypes.DateInput or BlockTypes.Cards)
            && variables.FirstOrDefault(v => v.Id == block.Option("variableId"))?.Value is { IsList: false, Text.Length: > 0 } prefilled)
        {
            input["prefilledValue"] = prefilled.Text;
        }

        return input;
    }
}
