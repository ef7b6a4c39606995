using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine;

/// <summary>
/// Runs the JavaScript that flows contain (Set variable expressions, inline <c>{{= =}}</c> code, HTTP response
/// <c>bodyPath</c> expressions, regex conditions) in a sandboxed interpreter, with Typebot's value conventions.
/// </summary>
public static class JavaScriptRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // Typebot's parseGuessedValueType and its safeStringify of results, written in JavaScript so the
    // conversions follow the language's own Number() and JSON.stringify rules.
    private const string Prelude = """
        function __guess(value) {
          if (value === null) return null;
          if (value === undefined) return undefined;
          if (typeof value !== 'string') return value;
          if (value.startsWith('0') && !value.startsWith('0.') && value.length > 1) return value;
          if (value.startsWith('+')) return value;
          if (value === 'true') return true;
          if (value === 'false') return false;
          if (value === 'null') return null;
          if (value === 'undefined') return undefined;
          var num = Number(value);
          if (Number.isNaN(num)) return value;
          return num;
        }
        function __stringify(x) { return typeof x === 'string' ? x : JSON.stringify(x); }
        function __normalise(r) {
          if (r === undefined || r === null) return null;
          if (Array.isArray(r)) return r.map(function (x) { return x === undefined || x === null ? null : __stringify(x); });
          return __stringify(r);
        }
        """;

    /// <summary>Runs a function body with the given variables bound by name; the result as a variable value.</summary>
    /// <exception cref="JavaScriptFailedException">The code does not parse or throws.</exception>
    public static VariableValue? RunFunctionBody(string body, IEnumerable<(string Name, VariableValue? Value)> arguments)
    {
        var script = new StringBuilder("JSON.stringify(__normalise((function () {\n");
        AppendArguments(script, arguments);
        script.Append(body).Append("\n})()))");
        return VariableValue.FromJson(JsonNode.Parse(Evaluate(script.ToString())));
    }

    /// <summary>Inline <c>{{= code =}}</c> for <see cref="VariableTemplate"/>: null when the code fails, which keeps it as text.</summary>
    public static readonly InlineScript Inline = (body, variables) =>
    {
        try
        {
            return RunInline(body, variables);
        }
        catch (JavaScriptFailedException)
        {
            return null;
        }
    };

    /// <summary>Inline <c>{{= code =}}</c>: the text that replaces it.</summary>
    public static string RunInline(string body, IEnumerable<(string Name, VariableValue? Value)> arguments)
    {
        var script = new StringBuilder("(function (r) { if (r === undefined) return 'undefined'; if (r === null) return 'null'; return __stringify(r); })((function () {\n");
        AppendArguments(script, arguments);
        script.Append(body).Append("\n})())");
        return Evaluate(script.ToString());
    }

    /// <summary>Evaluates a <c>bodyPath</c> against <c>statusCode</c> and <c>data</c>; false when it throws.</summary>
    public static bool TryMapResponse(string expression, int statusCode, string dataLiteral, out VariableValue? value)
    {
        var script = $"JSON.stringify(__normalise((function (statusCode, data) {{ return ({expression}\n); }})({statusCode}, {dataLiteral})))";
        try
        {
            value = VariableValue.FromJson(JsonNode.Parse(Evaluate(script)));
            return true;
        }
        catch (JavaScriptFailedException)
        {
            value = null;
            return false;
        }
    }

    public static bool RegexTest(string pattern, string flags, string input)
    {
        try
        {
            return Evaluate($"String(new RegExp({JsJson.Quote(pattern)}, {JsJson.Quote(flags)}).test({JsJson.Quote(input)}))") == "true";
        }
        catch (JavaScriptFailedException)
        {
            return false;
        }
    }

    /// <summary>A JavaScript literal for a response body: the JSON itself when it parses, else a string.</summary>
    public static string DataLiteral(string body)
    {
        if (body.Length > 0)
        {
            try
            {
                using var _ = JsonDocument.Parse(body);
                return "(" + body + ")";
            }
            catch (JsonException)
            {
            }
        }

        return JsJson.Quote(body);
    }

    private static void AppendArguments(StringBuilder script, IEnumerable<(string Name, VariableValue? Value)> arguments)
    {
        foreach (var (name, value) in arguments.DistinctBy(a => a.Name))
        {
            var literal = value switch
            {
                null => "undefined",
                { IsList: true } => JsJson.Stringify(value.ToJson()),
                _ => $"__guess({JsJson.Quote(value.Text!)})",
            };
            script.Append("var ").Append(name).Append(" = ").Append(literal).Append(";\n");
        }
    }

    private static string Evaluate(string script)
    {
        try
        {
            using var engine = new Jint.Engine(o => o.TimeoutInterval(Timeout).LimitRecursion(512).MaxStatements(5_000_000));
            engine.Execute(Prelude);
            return engine.Evaluate(script).ToString();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new JavaScriptFailedException(e.Message, e);
        }
    }
}

/// <summary>Flow JavaScript that did not parse, threw or ran too long.</summary>
public sealed class JavaScriptFailedException(string message, Exception inner) : Exception(message, inner);
