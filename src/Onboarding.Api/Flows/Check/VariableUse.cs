using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Flows.Check;

/// <summary>
/// Where a flow reads and writes variables: by name in <c>{{name}}</c> templates (any string: texts, URLs, bodies,
/// condition values), and by id in <c>variableId</c>-like members (inputs, Set variable, mappings, comparisons).
/// </summary>
public static partial class VariableUse
{
    [GeneratedRegex(@"\{\{(?<name>[^{}]+)\}\}")]
    private static partial Regex Template();

    // Code blocks set variables from JavaScript: setVariable("name", value).
    [GeneratedRegex(@"setVariable\(\s*[""'](?<name>[^""']+)[""']")]
    private static partial Regex SetVariableCall();

    /// <summary>Every <c>{{name}}</c> in any string under the node; names match exactly, as in Typebot.</summary>
    public static IEnumerable<string> Names(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Names(p.Value)),
        JsonArray a => a.SelectMany(Names),
        // Inline code ({{= … =}}) is not a name; the references inside it are matched on their own.
        JsonValue v when v.TryGetValue<string>(out var s) =>
            Template().Matches(s).Select(m => m.Groups["name"].Value).Where(n => !n.StartsWith('=')),
        _ => [],
    };

    /// <summary>Every variable id in a <c>variableId</c> or <c>…VariableId</c> member under the node.</summary>
    public static IEnumerable<string> Ids(JsonNode? node, Func<string, bool>? descendInto = null) => node switch
    {
        JsonObject o => o.SelectMany(p => IsIdMember(p.Key) && JsonText.Of(p.Value) is { Length: > 0 } id
            ? [id]
            : descendInto is null || descendInto(p.Key) ? Ids(p.Value, descendInto) : []),
        JsonArray a => a.SelectMany(i => Ids(i, descendInto)),
        _ => [],
    };

    /// <summary>
    /// The ids a block writes: the variable members of its options (inputs, Set variable, response mappings, plug-in
    /// outputs). A Condition only reads; the builder's test values and a choice's list source are not writes.
    /// </summary>
    public static IEnumerable<string> WrittenIds(FlowBlock block) =>
        block.Type == BlockTypes.Condition
            ? []
            : Ids(block.Options, key => key != "variablesForTest")
                .Except(JsonText.Of(block.Options?["dynamicVariableId"]) is { } list ? [list] : []);

    /// <summary>The names a Code block sets through <c>setVariable</c>.</summary>
    public static IEnumerable<string> WrittenNames(FlowBlock block) =>
        block.Type == BlockTypes.Script && JsonText.Of(block.Options?["content"]) is { } code
            ? SetVariableCall().Matches(code).Select(m => m.Groups["name"].Value)
            : [];

    private static bool IsIdMember(string key) => key == "variableId" || key.EndsWith("VariableId", StringComparison.Ordinal);
}
