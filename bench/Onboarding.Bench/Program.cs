using Onboarding.Bench;
using Onboarding.Bench.Faults;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;
using Onboarding.Bench.Scenarios;

// ./bench/run.sh [--quick] [--long] [--only a,b] [--out file.md]: the host as a child process against in-process fakes; results to bench/results/latest.md.
var arguments = BenchArguments.Parse(args);
var plan = arguments.Plan;
var root = RepoPaths.Root();
var apiDll = Path.GetFullPath(arguments.ApiDll ?? RepoPaths.ApiDll(root));
var output = Path.GetFullPath(arguments.Output ?? Path.Combine(root, "bench", "results", "latest.md"));
var logs = Path.Combine(Path.GetTempPath(), $"onboarding-bench-{Environment.ProcessId}");
Directory.CreateDirectory(logs);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(plan.Long ? 90 : 30));
var ct = cancel.Token;
var server = BenchDatabase.ServerFromEnvironment();
var report = new Report();
var started = DateTimeOffset.UtcNow;
var loadBefore = Machine.LoadAverage();
Console.WriteLine($"bench: {(plan.Quick ? "quick" : "full")}{(plan.Long ? " + long fault suite" : "")}; host {apiDll}; logs in {logs}");

var baselines = new Baselines();
string[] onMainRig = ["floor", "register", "inbound", "outbound", "throughput", "backlog", "memory"];
if (onMainRig.Any(plan.Runs))
{
    await using (var database = await BenchDatabase.CreateAsync(server, "bench", ct))
    await using (var rig = await BridgeRig.StartAsync(apiDll, database.ConnectionString, new RigOptions { Name = "bench", LogDirectory = logs, Settings = HostSettings.ForLoadRun(plan.HostSettings), WppWebhookJitter = TimeSpan.Zero }, ct))
    {
        var idle = new CpuMeter(rig.Host.Pid);
        idle.Start();
        await Task.Delay(plan.IdleBeforeRuns, ct);
        baselines.IdleHostCores = idle.Stop().Host;
        baselines.IdleRssMB = rig.Host.ReadMemory().RssMB;
        await Step("floor", () => FloorScenario.RunAsync(rig, plan, baselines, report, ct));
        // Before the bridge scenarios, so the catch-up passes over their chats do not run inside its window.
        await Step("register", () => RegisterDriverScenario.RunAsync(rig, plan, report, ct));
        var latencyChats = await StepWithResult("inbound", () => InboundLatencyScenario.RunAsync(rig, plan, baselines, report, ct));
        if (latencyChats is not null)
        {
            await Step("outbound", () => OutboundLatencyScenario.RunAsync(rig, latencyChats, plan, baselines, report, ct));
        }

        await Step("throughput", () => ThroughputScenario.RunAsync(rig, plan, baselines, report, ct));
        await Step("backlog", () => BacklogDrainScenario.RunAsync(rig, plan, baselines, report, ct));
        await Step("memory", () => MemoryScenario.RunAsync(rig, plan, baselines, report, ct));
    }
}

if (plan.Runs("reference"))
{
    await using var database = await BenchDatabase.CreateAsync(server, "bench_poll", ct);
    await using var rig = await BridgeRig.StartAsync(apiDll, database.ConnectionString, PollReferenceScenario.Options(logs, plan.HostSettings), ct);
    await Step("reference", () => PollReferenceScenario.RunAsync(rig, plan, baselines, report, ct));
}

if (plan.Runs("chatwoot-limit"))
{
    await using var database = await BenchDatabase.CreateAsync(server, "bench_cwlimit", ct);
    await using var rig = await BridgeRig.StartAsync(apiDll, database.ConnectionString, ChatwootLimitScenario.Options(logs, plan.HostSettings), ct);
    await Step("chatwoot-limit", () => ChatwootLimitScenario.RunAsync(rig, plan, report, ct));
}

if (plan.Runs("funnel"))
{
    await using var database = await BenchDatabase.CreateAsync(server, "bench_funnel", ct);
    await using var rig = await BridgeRig.StartAsync(apiDll, database.ConnectionString, FunnelScenario.Options(logs, plan.HostSettings), ct);
    await Step("funnel", () => FunnelScenario.RunAsync(rig, report, ct));
}

var faultsClean = true;
await RunFaultSuiteAsync("faults", "fault suite", "bench_faults", FaultSuite.RunAsync, FaultSuite.Markdown);
await RunFaultSuiteAsync(CloudFaultSuite.Name, "fault suite over the Cloud API", "bench_faults_cloudapi", CloudFaultSuite.RunAsync, CloudFaultSuite.Markdown);

var header = new List<(string, string)>
{
    ("date", started.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)),
    ("command", "./bench/run.sh" + (plan.Quick ? " --quick" : "") + (plan.Long ? " --long" : "") + (plan.Only.Count > 0 ? " --only " + string.Join(',', plan.Only) : "")),
    ("commit", RepoPaths.Commit(root)),
    ("cores", $"{Environment.ProcessorCount} (host, fakes, load and Postgres share them; the machine is shared, load average {loadBefore} before, {Machine.LoadAverage()} after)"),
    ("runtime", $".NET {Environment.Version}, host built Release, ASPNETCORE_ENVIRONMENT=Production, production settings except "
        + string.Join(", ", HostSettings.RaisedLimits.Concat(HostSettings.UpstreamBudgetsOff).Select(s => $"{s.Key}={s.Value}")) + " (both fakes post webhooks from 127.0.0.1; the per-key limit, the WhatsApp governor and the Chatwoot budget would cap the load runs; the fault suite keeps the last two on, the chatwoot-limit scenario the Chatwoot budget); Typebot not configured, so conversations go straight to agents and the bot is not measured"),
    ("host settings added", plan.HostSettings.Count == 0 ? "none" : string.Join(", ", plan.HostSettings.Select(s => $"{s.Key}={s.Value}"))),
    ("postgres", $"throwaway cluster, fsync={await BenchDatabase.SettingAsync(server, "fsync", ct)}, synchronous_commit={await BenchDatabase.SettingAsync(server, "synchronous_commit", ct)}"),
    ("method", "every figure beside a baseline measured in the same run (docs/0007-benchmarks-measure-ratios.md); the host is a separate process"),
};
var markdown = report.ToMarkdown(header);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, markdown, ct);
Console.WriteLine();
Console.WriteLine(markdown);
Console.WriteLine($"written to {output}");
return faultsClean ? 0 : 1;

async Task<T?> StepWithResult<T>(string name, Func<Task<T>> run)
    where T : class
{
    if (!plan.Runs(name))
    {
        return null;
    }

    Console.WriteLine($"== {name}");
    return await run();
}

async Task Step(string name, Func<Task> run)
{
    if (plan.Runs(name))
    {
        Console.WriteLine($"== {name}");
        await run();
    }
}

// One fault suite, quick (and long with --long), on a database of its own; its table joins the report.
async Task RunFaultSuiteAsync(string name, string title, string databaseName,
    Func<string, string, FaultSizes, string?, CancellationToken, Task<IReadOnlyList<FaultOutcome>>> run,
    Func<FaultSizes, IReadOnlyList<FaultOutcome>, string> markdown)
{
    if (!plan.Runs(name))
    {
        return;
    }

    foreach (var suiteSizes in plan.Long ? new[] { FaultSizes.Quick, FaultSizes.Long } : [FaultSizes.Quick])
    {
        // --set reaches the fault suites' hosts too, over their own settings.
        var sizes = suiteSizes with { HostSettings = HostSettings.Over(suiteSizes.HostSettings, plan.HostSettings) };
        Console.WriteLine($"== {title} ({sizes.Name})");
        await using var database = await BenchDatabase.CreateAsync(server, databaseName, ct);
        var outcomes = await run(apiDll, database.ConnectionString, sizes, logs, ct);
        faultsClean &= outcomes.All(o => o.Clean);
        report.Section(markdown(sizes, outcomes));
    }
}
