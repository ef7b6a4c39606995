using System.Net.Http.Headers;
using System.Text;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// <c>POST /register_driver_typebot</c> with 32 concurrent clients: new drivers (each call a new valid NIF and phone),
/// each client resubmitting its own driver, and all clients resubmitting one driver. The baseline is the host's
/// <c>/health/live</c> with the same clients just before, so the ratio is the cost of the route itself.
/// </summary>
public static class RegisterDriverScenario
{
    public static async Task RunAsync(BridgeRig rig, BenchPlan plan, Report report, CancellationToken ct)
    {
        var clients = plan.RegisterClients;
        var window = plan.RegisterWindow;
        var bare = await FloorScenario.HostCapacityAsync(rig, clients, window, ct);
        Console.WriteLine($"  /health/live at {clients} clients: {bare.PerSecond:F0} req/s {bare.Latency.Summary()}");

        var fresh = 0;
        var cpu = new CpuMeter(rig.Host.Pid);
        cpu.Start();
        var created = await ClosedLoop.RunAsync(clients, window, 1_000_000, (_, _, token) =>
        {
            var n = Interlocked.Increment(ref fresh);
            return PostAsync(rig, DriverPayloads.Json(DriverPayloads.Phone("93", n), DriverPayloads.Nif(n), n), 201, token);
        }, ct);
        var createdCpu = cpu.Stop();
        var own = await ClosedLoop.RunAsync(clients, window, 1_000_000, (worker, _, token) =>
        {
            var n = 9_000_000 + worker;
            return PostAsync(rig, DriverPayloads.Json(DriverPayloads.Phone("92", n), DriverPayloads.Nif(n), n), null, token);
        }, ct);
        var shared = await ClosedLoop.RunAsync(clients, window, 1_000_000, (_, _, token) =>
        {
            const int n = 9_999_999;
            return PostAsync(rig, DriverPayloads.Json(DriverPayloads.Phone("92", n), DriverPayloads.Nif(n), n), null, token);
        }, ct);

        cpu.Start();
        var invalid = await ClosedLoop.RunAsync(clients, window, 1_000_000, (_, _, token) =>
        {
            var n = Interlocked.Increment(ref fresh);
            return PostAsync(rig, DriverPayloads.Json(DriverPayloads.Phone("93", n), DriverPayloads.Nif(n), n, consent: false), 422, token);
        }, ct);
        var invalidCpu = cpu.Stop();

        Add(report, "new driver each call", created, bare);
        report.Note($"register (new driver each call): cpu {createdCpu}, {createdCpu.Host * createdCpu.Wall.TotalMilliseconds / Math.Max(1, created.Completed):F2} ms of host cpu "
            + $"and {createdCpu.Postgres * createdCpu.Wall.TotalMilliseconds / Math.Max(1, created.Completed):F2} ms of Postgres cpu per request");
        Add(report, "each client resubmits its own driver", own, bare);
        Add(report, "all clients resubmit one driver", shared, bare);
        report.Add(new("register_driver_typebot", "32 clients, consent missing (422 after every parser, no database): throughput, p99",
            $"{Report.Num(invalid.PerSecond, "req/s")}, {Report.Ms(invalid.Latency.P99)}", $"{Report.Num(bare.PerSecond, "req/s")} (/health/live)", Report.Times(invalid.PerSecond / bare.PerSecond), "—", Verdict.None));
        report.Note($"register (422, no database): cpu {invalidCpu}, {invalidCpu.Host * invalidCpu.Wall.TotalMilliseconds / Math.Max(1, invalid.Completed):F2} ms of host cpu per request");
    }

    private static void Add(Report report, string what, ClosedLoopResult result, ClosedLoopResult bare)
    {
        Console.WriteLine($"  register ({what}): {result.PerSecond:F0} req/s, {result.Failed} failed, {result.Latency.Summary()}");
        var baseline = $"{Report.Num(bare.PerSecond, "req/s")} (/health/live, same clients)";
        report.Add(new("register_driver_typebot", $"32 clients, {what}: throughput", Report.Num(result.PerSecond, "req/s"), baseline, Report.Times(result.PerSecond / bare.PerSecond), "≥ 1,500 req/s", Report.Check(result.PerSecond >= 1500 && result.Failed == 0)));
        report.Add(new("register_driver_typebot", $"32 clients, {what}: p50 / p99", $"{Report.Ms(result.Latency.P50)} / {Report.Ms(result.Latency.P99)}", $"{Report.Ms(bare.Latency.P50)} / {Report.Ms(bare.Latency.P99)}", Report.Times(result.Latency.P99 / bare.Latency.P99), "p99 < 50 ms", Report.Check(result.Latency.P99 < 50)));
        if (result.Failed > 0)
        {
            report.Note($"register ({what}): {result.Failed} answers were not the expected status; the first: {_firstFailure}");
        }
    }

    private static string? _firstFailure;

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
