using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine.Logic;

/// <summary>Typebot's <c>executeCondition</c>: comparisons joined by AND/OR, with its exact operator semantics.</summary>
public static partial class ConditionEvaluator
{
    [GeneratedRegex(@"/(.+)/([gimuy]*)$")]
    private static partial Regex RegexWithFlags();

    /// <summary>Evaluates a condition item's <c>content</c> (<c>{logicalOperator, comparisons}</c>).</summary>
    public static bool Evaluate(JsonNode? condition, IReadOnlyList<SessionVariable> variables)
    {
        if (condition?["comparisons"] is not JsonArray { Count: > 0 } comparisons)
        {
            return false;
        }

        var isAnd = (condition["logicalOperator"]?.GetValue<string>() ?? "AND") == "AND";
        var results = comparisons.OfType<JsonObject>().Select(c => Compare(c, variables));
        return isAnd ? results.All(r => r) : results.Any(r => r);
    }

    private static bool Compare(JsonObject comparison, IReadOnlyList<SessionVariable> variables)
    {
        var variableId = Text(comparison["variableId"]);
        var op = Text(comparison["comparisonOperator"]);
        if (variableId is null || op is null)
        {
            return false;
        }

        var input = variables.FirstOrDefault(v => v.Id == variableId)?.Value;
        var rawValue = Text(comparison["value"]);
        var value = rawValue is "undefined" or "null"
            ? null
            : SingleVariable(rawValue, variables) ?? VariableValue.Of(VariableTemplate.Parse(rawValue, variables, JavaScriptRunner.Inline));

        return op switch
        {
            "Contains" when input is { IsList: true } => Match(StringEqual, input, value, any: true),
            "Contains" => Match((a, b) => !string.IsNullOrEmpty(b) && !string.IsNullOrEmpty(a) && Fold(a).Contains(Fold(b), StringComparison.Ordinal), input, value, any: true),
            "Does not contain" when input is { IsList: true } => Match((a, b) => a is not null && b is not null ? a.Normalize() != b.Normalize() : a != b, input, value),
            "Does not contain" => Match((a, b) => string.IsNullOrEmpty(b) || string.IsNullOrEmpty(a) || !Fold(a).Contains(Fold(b), StringComparison.Ordinal), input, value),
            "Equal to" => Match(StringEqual, input, value),
            "Not equal" => Match((a, b) => a is not null && b is not null ? a.Normalize() != b.Normalize() : a != b, input, value),
            "Greater than" => Order(input, value, c => c > 0),
            "Less than" => Order(input, value, c => c < 0),
            "Greater or equal to" => Order(input, value, c => c >= 0),
            "Less or equal to" => Order(input, value, c => c <= 0),
            "Is set" => input is not null && input.Length > 0,
            "Is empty" => input is null || input.Length == 0,
            "Starts with" => Match((a, b) => !string.IsNullOrEmpty(b) && !string.IsNullOrEmpty(a) && Fold(a).StartsWith(Fold(b), StringComparison.Ordinal), input, value),
            "Ends with" => Match((a, b) => !string.IsNullOrEmpty(b) && !string.IsNullOrEmpty(a) && Fold(a).EndsWith(Fold(b), StringComparison.Ordinal), input, value),
            "Matches regex" => Match((a, b) => !string.IsNullOrEmpty(b) && !string.IsNullOrEmpty(a) && RegexMatches(a, b, ifNoPattern: false), input, value, any: true),
            "Does not match regex" => Match((a, b) => !string.IsNullOrEmpty(b) && !string.IsNullOrEmpty(a) && !RegexMatches(a, b, ifNoPattern: false), input, value),
            _ => false,
        };
    }

    private static bool StringEqual(string? a, string? b) =>
        a is not null && b is not null ? a.Normalize() == b.Normalize() : a == b;

    private static string Fold(string s) => s.ToLowerInvariant().Trim().Normalize(NormalizationForm.FormC);

    private static VariableValue? SingleVariable(string? text, IReadOnlyList<SessionVariable> variables)
    {
        if (!VariableTemplate.IsSingleVariable(text))
        {
            return null;
        }

        var name = text![2..^2];
        return variables.FirstOrDefault(v => v.Name == name)?.Value;
    }

    // Typebot's compare(): a list on either side is tested item by item ("every" or "some").
    private static bool Match(Func<string?, string?, bool> compare, VariableValue? a, VariableValue? b, bool any = false)
    {
        IEnumerable<string?> Items(VariableValue? v) => v is { IsList: true } ? v.Items! : [v?.Text];
        if (a is not { IsList: true } && b is not { IsList: true })
        {
            return compare(a?.Text, b?.Text);
        }

        var pairs = Items(a).SelectMany(x => Items(b).Select(y => (x, y)));
        return any ? pairs.Any(p => compare(p.x, p.y)) : pairs.All(p => compare(p.x, p.y));
    }

    private static bool Order(VariableValue? input, VariableValue? value, Func<int, bool> accept)
    {
        if (input is null || value is null)
        {
            return false;
        }

        double left, right;
        if (!input.IsList && !value.IsList)
        {
            left = DateOrNumberOrLength(input.Text!);
            right = DateOrNumberOrLength(value.Text!);
        }
        else if (!input.IsList)
        {
            left = JsNumber(input.Text!);
            right = value.Length;
        }
        else if (!value.IsList)
        {
            left = input.Length;
            right = JsNumber(value.Text!);
        }
        else
        {
            left = input.Length;
            right = value.Length;
        }

        // JavaScript comparisons with NaN are always false.
        return !double.IsNaN(left) && !double.IsNaN(right) && accept(left.CompareTo(right));
    }

    private static double DateOrNumberOrLength(string value)
    {
        var number = value.StartsWith('+') ? double.NaN : JsNumber(value);
        if (!double.IsNaN(number))
        {
            return number;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToUnixTimeMilliseconds()
            : value.Length;
    }

    /// <summary>JavaScript's <c>Number(text)</c> for decimal text (blank is 0, anything else unparsable is NaN).</summary>
    public static double JsNumber(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return 0;
        }

        if (trimmed.EndsWith("Infinity", StringComparison.Ordinal))
        {
            return trimmed switch
            {
                "Infinity" or "+Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => double.NaN,
            };
        }

        return trimmed.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')
            && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n
            : double.NaN;
    }

    private static bool RegexMatches(string input, string regex, bool ifNoPattern)
    {
        var withFlags = RegexWithFlags().Match(regex);
        var (pattern, flags) = withFlags.Success ? (withFlags.Groups[1].Value, withFlags.Groups[2].Value) : (regex, "");
        return pattern.Length == 0 ? ifNoPattern : JavaScriptRunner.RegexTest(pattern, flags, input);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
