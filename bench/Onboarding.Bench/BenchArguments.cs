namespace Onboarding.Bench;

/// <summary>
/// <c>--quick</c>, <c>--long</c>, <c>--only floor,inbound,…</c>, <c>--api &lt;Onboarding.Api.dll&gt;</c>,
/// <c>--out &lt;file.md&gt;</c>, <c>--offered &lt;msg/s&gt;</c> (throughput's offered load, default 400), <c>--set Section__Key=value</c> or <c>--set Section__Key+=;more</c> (repeatable: a host setting for a diagnosis run, named in the report).
/// </summary>
public sealed record BenchArguments(BenchPlan Plan, string? ApiDll, string? Output)
{
    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        // The last occurrence wins: run.sh passes its own --out before the caller's arguments.
        string? Value(string name) => args.Select((a, i) => (a, i)).LastOrDefault(x => x.a == name && x.i + 1 < args.Count) is ({ }, var at) ? args[at + 1] : null;
        var only = Value("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal) ?? [];
        var settings = args.Select((a, i) => (a, i)).Where(x => x.a == "--set" && x.i + 1 < args.Count)
            .Select(x => args[x.i + 1].Split('=', 2)).Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        var plan = new BenchPlan { Quick = args.Contains("--quick"), Long = args.Contains("--long"), Only = only, HostSettings = settings };
        if (int.TryParse(Value("--offered"), System.Globalization.CultureInfo.InvariantCulture, out var offered) && offered > 0)
        {
            plan = plan with { OfferedPerSecond = offered };
        }
        return new BenchArguments(plan, Value("--api"), Value("--out"));
    }
}
