using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// <c>POST /register_driver_typebot</c> with 32 concurrent clients: new drivers (each call a new valid NIF and phone)
/// on an empty table and again on a table of <see cref="SeededDrivers"/>, each client resubmitting its own driver,
/// all clients resubmitting one driver, and a 422 that runs every parser but never reaches the database. The
/// baseline is the host's <c>/health/live</c> with the same clients just before, so the ratio is the route's own cost.
/// </summary>
public static class RegisterDriverScenario
{
    /// <summary>Drivers already registered for the second run: a few years of applicants, not an empty table.</summary>
    public const int SeededDrivers = 50_000;

    private static string? _firstFailure;

    public static async Task RunAsync(BridgeRig rig, BenchPlan plan, Report report, CancellationToken ct)
    {
        var clients = plan.RegisterClients;
        var bare = await FloorScenario.HostCapacityAsync(rig, clients, plan.RegisterWindow, ct);
        Console.WriteLine($"  /health/live at {clients} clients: {bare.PerSecond:F0} req/s {bare.Latency.Summary()}");

        var fresh = 0;
        Task<bool> NewDriver(int expected, bool consent, CancellationToken token)
        {
            var n = Interlocked.Increment(ref fresh);
            return PostAsync(rig, DriverPayloads.Json(DriverPayloads.Phone("93", n), DriverPayloads.Nif(n), n, consent), expected, token);
        }

        await WarmUpAsync(rig, plan, ct);
        await MeasureAsync(rig, plan, report, bare, "new driver each call, empty table at start", (_, token) => NewDriver(201, true, token), target: true, ct);
        var seeded = await SeedAsync(rig, ct);
        await MeasureAsync(rig, plan, report, bare, $"new driver each call, {seeded:N0} drivers in the table", (_, token) => NewDriver(201, true, token), target: true, ct);
        await MeasureAsync(rig, plan, report, bare, "each client resubmits its own driver", (worker, token) =>
        {
            var n = 9_000_000 + worker;
            return PostAsync(rig, DriverPayloads.Json(DriverPayloads.Phone("92", n), DriverPayloads.Nif(n), n), null, token);
        }, target: true, ct);
        await MeasureAsync(rig, plan, report, bare, "all clients resubmit one driver", (_, token) =>
        {
            const int n = 9_999_999;
            return PostAsync(rig, DriverPayloads.Json(DriverPayloads.Phone("92", n), DriverPayloads.Nif(n), n), null, token);
        }, target: true, ct);
        await MeasureAsync(rig, plan, report, bare, "consent missing (422 after every parser, no database)", (_, token) => NewDriver(422, false, token), target: false, ct);
    }

    private static async Task MeasureAsync(BridgeRig rig, BenchPlan plan, Report report, ClosedLoopResult bare, string what,
        Func<int, CancellationToken, Task<bool>> call, bool target, CancellationToken ct)
    {
        _firstFailure = null;
        var counters = await RequestCounters.StartAsync(rig, ct);
        var cpu = new CpuMeter(rig.Host.Pid);
        cpu.Start();
        var result = await ClosedLoop.RunAsync(plan.RegisterClients, plan.RegisterWindow, 1_000_000, (worker, _, token) => call(worker, token), ct);
        var shares = cpu.Stop();
        var perRequestCounters = await counters.StopAsync(result.Completed + result.Failed, ct);
        var drivers = await rig.ScalarAsync("SELECT count(*) FROM drivers", ct);
        Console.WriteLine($"  register ({what}): {result.PerSecond:F0} req/s, {result.Failed} failed, {result.Latency.Summary()}");

        var baseline = $"{Report.Num(bare.PerSecond, "req/s")} (/health/live, same clients)";
        report.Add(new("register_driver_typebot", $"32 clients, {what}: throughput", Report.Num(result.PerSecond, "req/s"), baseline,
            Report.Times(result.PerSecond / bare.PerSecond), target ? "≥ 1,500 req/s" : "—", target ? Report.Check(result.PerSecond >= 1500 && result.Failed == 0) : Verdict.None));
        report.Add(new("register_driver_typebot", $"32 clients, {what}: p50 / p99", $"{Report.Ms(result.Latency.P50)} / {Report.Ms(result.Latency.P99)}",
            $"{Report.Ms(bare.Latency.P50)} / {Report.Ms(bare.Latency.P99)}", Report.Times(result.Latency.P99 / bare.Latency.P99), target ? "p99 < 50 ms" : "—",
            target ? Report.Check(result.Latency.P99 < 50) : Verdict.None));
        var perRequest = shares.Wall.TotalMilliseconds / Math.Max(1, result.Completed + result.Failed);
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"register ({what}): {shares.Host * perRequest:F2} ms of host and {shares.Postgres * perRequest:F2} ms of Postgres processor time per request; {drivers:N0} drivers after; cpu {shares}"));
        report.Note($"register ({what}): {perRequestCounters}");
        Console.WriteLine($"  {perRequestCounters}");
        if (result.Failed > 0)
        {
            report.Note($"register ({what}): {result.Failed} answers were not the expected status; the first: {_firstFailure}");
        }
    }

    /// <summary>
    /// A service that has been up for a while has compiled its hot paths and prepared its statements; a host just
    /// started spends the first seconds of load compiling (tier-0 to tier-1 JIT). The route runs new registrations for
    /// <see cref="WarmUp"/> first, and the table is emptied again after them.
    /// </summary>
    private static async Task WarmUpAsync(BridgeRig rig, BenchPlan plan, CancellationToken ct)
    {
        var n = 8_000_000;
        var warm = await ClosedLoop.RunAsync(plan.RegisterClients, WarmUp, 1_000_000, (_, _, token) =>
        {
            var i = Interlocked.Increment(ref n);
            return PostAsync(rig, DriverPayloads.Json(DriverPayloads.Phone(WarmUpPrefix, i), DriverPayloads.Nif(i), i), 201, token);
        }, ct);
        // TRUNCATE, not DELETE: the table is again as a migration leaves it (no pages, never analysed), so the plans
        // Postgres makes for the measured run are those of a new deployment. Nothing else is stored yet at this point
        // (the floor scenario writes nothing), so the tables it cascades to are empty too.
        await rig.ExecuteAsync("TRUNCATE drivers CASCADE", ct);
        Console.WriteLine($"  register warm-up: {warm.Completed} registrations in {WarmUp.TotalSeconds:F0} s, then the table emptied");
    }

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private const string WarmUpPrefix = "91";

    /// <summary>Fills the table up to <see cref="SeededDrivers"/> with plain rows (NIFs starting with 1, never generated by the runs).</summary>
    private static async Task<long> SeedAsync(BridgeRig rig, CancellationToken ct)
    {
        await rig.ScalarAsync(
            $"""
            WITH seeded AS (
              INSERT INTO drivers (id, phone_e164, full_name, nif, district_code, vehicle_type, status, source)
              SELECT gen_random_uuid(), '+35196' || lpad(g::text, 7, '0'), 'Condutor Existente', '1' || lpad(g::text, 8, '0'), 'PT-11', 'car', 'submitted', 'typebot'
              FROM generate_series(1, {SeededDrivers}) g
              ON CONFLICT DO NOTHING RETURNING 1)
            SELECT count(*) FROM seeded
            """, ct);
        // Vacuumed as well as analysed, as pgbench does after its load: a table that grew to this size over months has
        // been, and otherwise autovacuum's pass over the 50,000 rows just written (its insert threshold) lands in the
        // measured window of some runs and not others, counted as Postgres time per registration.
        await rig.ExecuteAsync("VACUUM (ANALYZE) drivers", ct);

        return await rig.ScalarAsync("SELECT count(*) FROM drivers", ct);
    }

    /// <summary>True when the answer is <paramref name="expected"/> (any 2xx when null).</summary>
    private static async Task<bool> PostAsync(BridgeRig rig, string json, int? expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/register_driver_typebot")
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Api-Key", HostSettings.TypebotKey);
        using var response = await rig.Http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var status = (int)response.StatusCode;
        var ok = expected is { } want ? status == want : status is >= 200 and < 300;
        if (!ok)
        {
            Interlocked.CompareExchange(ref _firstFailure, $"HTTP {status}: {(body.Length > 300 ? body[..300] : body)}", null);
        }

        return ok;
    }
}
