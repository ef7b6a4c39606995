using System.Text.Json.Nodes;
using Onboarding.Sandbox.Typebot.Engine.Logic;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine.Inputs;

/// <summary>
/// The buttons a choice block shows now: built from a list variable (<c>dynamicVariableId</c>), or the block's
/// items without those hidden by their display condition, with variables substituted.
/// </summary>
public static class ChoiceItems
{
    public static IReadOnlyList<FlowItem> Displayed(FlowBlock block, IReadOnlyList<SessionVariable> variables)
    {
        var dynamicId = block.Option("dynamicVariableId");
        if (dynamicId is not null && variables.FirstOrDefault(v => v.Id == dynamicId)?.Value is { } list)
        {
            var values = list.IsList ? list.Items! : [list.Text];
            return values
                .Where(v => !string.IsNullOrEmpty(v))
                .Distinct()
                .Select((content, idx) =>
                {
                    var raw = new JsonObject { ["id"] = $"choice{idx}", ["blockId"] = block.Id, ["content"] = content };
                    return new FlowItem($"choice{idx}", null, raw);
                })
                .ToList();
        }

        return block.Items
            .Where(item => !IsHidden(item, variables))
            .Select(item =>
            {
                var raw = (JsonObject)item.Raw.DeepClone();
                VariableTemplate.DeepParse(raw, variables, JavaScriptRunner.Inline);
                return item with { Raw = raw };
            })
            .ToList();
    }

    private static bool IsHidden(FlowItem item, IReadOnlyList<SessionVariable> variables) =>
        item.Raw["displayCondition"] is JsonObject display
        && display["isEnabled"] is JsonValue enabled && enabled.TryGetValue<bool>(out var on) && on
        && !ConditionEvaluator.Evaluate(display["condition"], variables);
}
