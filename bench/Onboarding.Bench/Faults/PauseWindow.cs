using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;
using Onboarding.Bench.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>
/// A pause of service notices after a restriction, as the host recorded it (<c>bridge_state</c>
/// <c>governor.restricted_until</c>): when it began (the row's time), when it ends, and when this process first saw it.
/// </summary>
public sealed record PauseWindow(DateTimeOffset Started, DateTimeOffset Until, DateTimeOffset SeenAt)
{
    /// <summary>
    /// Sends already admitted when the restriction came back may reach WPPConnect a moment later; those are not sends
    /// made while paused (their permits were granted before it), so the count from the fake starts this much after.
    /// </summary>
    public static readonly TimeSpan InFlight = TimeSpan.FromMilliseconds(500);

    public TimeSpan Length => Until - Started;

    /// <summary>Waits (bounded) for a pause that has not ended yet.</summary>
    public static async Task<PauseWindow> WaitAsync(BridgeRig rig, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        while (clock.Elapsed < timeout)
        {
            var row = await connection.QuerySingleOrDefaultAsync<(string Value, DateTime UpdatedAt)?>(new CommandDefinition(
                "SELECT value, updated_at FROM bridge_state WHERE key = 'governor.restricted_until'", cancellationToken: ct));
            if (row is { } r && long.TryParse(r.Value, CultureInfo.InvariantCulture, out var ms)
                && DateTimeOffset.FromUnixTimeMilliseconds(ms) is var until && until > DateTimeOffset.UtcNow)
            {
                return new PauseWindow(new DateTimeOffset(DateTime.SpecifyKind(r.UpdatedAt, DateTimeKind.Utc)), until, DateTimeOffset.UtcNow);
            }

            await Task.Delay(50, ct);
        }

        throw new TimeoutException($"no restriction pause within {timeout.TotalSeconds:F0} s");
    }

    public async Task WaitEndAsync(CancellationToken ct)
    {
        var left = Until - DateTimeOffset.UtcNow;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, ct);
        }
    }

    /// <summary>Permits the notice budget granted inside the pause (the governor's own record of what it let through).</summary>
    public async Task<long> GrantsInsideAsync(BridgeRig rig, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT count(*) FROM governor_grants
            WHERE budget = 'whatsapp.service_notices' AND granted_at > @from AND granted_at < @until
            """, new { from = Started.UtcDateTime, until = Until.UtcDateTime }, cancellationToken: ct));
    }
}
