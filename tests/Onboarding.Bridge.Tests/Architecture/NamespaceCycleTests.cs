using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using Onboarding.Data.Drivers;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using Assembly = System.Reflection.Assembly;

namespace Onboarding.Bridge.Tests.Architecture;

/// <summary>
/// The layout shows the pipelines only while dependencies go one way: no namespace cycle in the bridge, the API or
/// the data layer, and the projects stacked Data ← Bridge ← Api. Read from IL, so method bodies count, not only usings.
/// </summary>
public sealed class NamespaceCycleTests
{
    private static readonly Assembly DataAssembly = typeof(DriverRepository).Assembly;
    private static readonly Assembly BridgeAssembly = typeof(BridgeOptions).Assembly;
    private static readonly Assembly ApiAssembly = Assembly.Load("Onboarding.Api");

    private static readonly ArchUnitNET.Domain.Architecture Onboarding =
        new ArchLoader().LoadAssemblies(DataAssembly, BridgeAssembly, ApiAssembly).Build();

    [Fact]
    public void Bridge_namespaces_have_no_cycle() =>
        SliceRuleDefinition.Slices().Matching("Onboarding.Bridge.(**)").Should().BeFreeOfCycles().Check(Onboarding);

    /// <summary>
    /// Coarser than namespaces: each top-level folder (Inbound, Outbound, Bot, …) with everything under it. ArchUnitNET
    /// 0.13.5 names a slice after the whole namespace under the pattern, so the folders are grouped here.
    /// </summary>
    [Fact]
    public void Bridge_top_level_folders_have_no_cycle() =>
        TopLevelCycles("Onboarding.Bridge.").ShouldBeEmpty();

    [Fact]
    public void Data_top_level_folders_have_no_cycle() =>
        TopLevelCycles("Onboarding.Data.").ShouldBeEmpty();

    [Fact]
    public void Data_namespaces_have_no_cycle() =>
        SliceRuleDefinition.Slices().Matching("Onboarding.Data.(**)").Should().BeFreeOfCycles().Check(Onboarding);

    [Fact]
    public void Api_namespaces_have_no_cycle() =>
        SliceRuleDefinition.Slices().Matching("Onboarding.Api.(**)").Should().BeFreeOfCycles().Check(Onboarding);

    [Fact]
    public void Api_top_level_folders_have_no_cycle() =>
        TopLevelCycles("Onboarding.Api.").ShouldBeEmpty();

    [Fact]
    public void Data_depends_on_neither_the_bridge_nor_the_api() =>
        Types().That().ResideInAssembly(DataAssembly).Should()
            .NotDependOnAny(Types().That().ResideInAssembly(BridgeAssembly).Or().ResideInAssembly(ApiAssembly))
            .Check(Onboarding);

    [Fact]
    public void Bridge_does_not_depend_on_the_api() =>
        Types().That().ResideInAssembly(BridgeAssembly).Should().NotDependOnAny(Types().That().ResideInAssembly(ApiAssembly))
            .Check(Onboarding);

    [Fact]
    public void The_rules_see_the_types()
    {
        // A rule over an empty set passes whatever the code does.
        Onboarding.Types.Count(t => t.Namespace.FullName.StartsWith("Onboarding.Bridge.Inbound", StringComparison.Ordinal)).ShouldBeGreaterThan(5);
        Onboarding.Types.Count(t => t.Namespace.FullName.StartsWith("Onboarding.Api.Features", StringComparison.Ordinal)).ShouldBeGreaterThan(5);
        Onboarding.Types.Count(t => t.Namespace.FullName.StartsWith("Onboarding.Data.Drivers", StringComparison.Ordinal)).ShouldBeGreaterThan(5);
    }

    /// <summary>Each cycle between the top-level folders under <paramref name="root"/>, as "A -> B -> A" with one type edge per step.</summary>
    private static List<string> TopLevelCycles(string root)
    {
        static string? FolderOf(string ns, string root) =>
            ns.StartsWith(root, StringComparison.Ordinal) ? ns[root.Length..].Split('.')[0] : null;

        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in Onboarding.Types)
        {
            if (FolderOf(type.Namespace?.FullName ?? "", root) is not { } from)
            {
                continue;
            }

            var targets = edges.TryGetValue(from, out var t) ? t : edges[from] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var dependency in type.Dependencies)
            {
                if (FolderOf(dependency.Target?.Namespace?.FullName ?? "", root) is { } to && to != from)
                {
                    targets.TryAdd(to, $"{type.FullName} -> {dependency.Target!.FullName}");
                }
            }
        }

        return StronglyConnected(edges).Where(c => c.Count > 1)
            .Select(c => string.Join("; ", c.SelectMany(a => c.Where(b => edges[a].ContainsKey(b)).Select(b => $"{a} -> {b} ({edges[a][b]})"))))
            .ToList();
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges.TryGetValue(v, out var next) ? next.Keys : Enumerable.Empty<string>())
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w2;
                do
                {
                    w2 = stack.Pop();
                    onStack.Remove(w2);
                    component.Add(w2);
                }
                while (w2 != v);
                components.Add(component);
            }
        }

        foreach (var v in edges.Keys.ToList())
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return components;
    }
}
