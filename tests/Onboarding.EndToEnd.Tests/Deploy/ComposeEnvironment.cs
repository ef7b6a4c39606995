using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Onboarding.EndToEnd.Tests.Deploy;

/// <summary>
/// Reads a service's environment from a Compose file as <c>docker compose</c> would: the <c>.env</c> file's
/// variables, then <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c> and <c>${VAR:?message}</c> interpolation.
/// </summary>
public static partial class ComposeEnvironment
{
    /// <summary><c>KEY=value</c> lines of an env file; comments and blank lines skipped, one level of quotes removed.</summary>
    public static Dictionary<string, string> ParseDotEnv(string text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            variables[line[..equals].Trim()] = value;
        }

        return variables;
    }

    /// <summary>The interpolated <c>environment</c> of one service (map or <c>KEY=value</c> list form).</summary>
    public static Dictionary<string, string> OfService(string composeYaml, string service, IReadOnlyDictionary<string, string> variables)
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(composeYaml))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var services = (YamlMappingNode)root.Children[new YamlScalarNode("services")];
        var node = (YamlMappingNode)services.Children[new YamlScalarNode(service)];
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (node.Children.TryGetValue(new YamlScalarNode("environment"), out var env) ? env : null)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    environment[((YamlScalarNode)key).Value!] = Interpolate(((YamlScalarNode)value).Value ?? "", variables);
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children.Cast<YamlScalarNode>().Select(i => i.Value ?? ""))
                {
                    var equals = item.IndexOf('=', StringComparison.Ordinal);
                    environment[equals < 0 ? item : item[..equals]] = equals < 0 ? variables.GetValueOrDefault(item, "") : Interpolate(item[(equals + 1)..], variables);
                }

                break;
        }

        return environment;
    }

    public static string Interpolate(string value, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(value, m =>
        {
            if (m.Value == "$$")
            {
                return "$";
            }

            var name = m.Groups["name"].Value;
            var set = variables.TryGetValue(name, out var current);
            var empty = !set || current!.Length == 0;
            return m.Groups["op"].Value switch
            {
                ":-" => empty ? m.Groups["arg"].Value : current!,
                "-" => set ? current! : m.Groups["arg"].Value,
                ":?" when empty => throw new InvalidOperationException($"required variable {name} is missing a value: {m.Groups["arg"].Value}"),
                "?" when !set => throw new InvalidOperationException($"required variable {name} is missing: {m.Groups["arg"].Value}"),
                _ => current ?? "",
            };
        });

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?])(?<arg>[^}]*))?\}|\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
