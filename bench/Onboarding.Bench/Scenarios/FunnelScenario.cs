using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// <c>GET /api/analytics/funnel</c> over <see cref="Drivers"/> drivers and applications and <see cref="QuestionEvents"/>
/// question events (COPY), a year of first contacts in two languages: the whole funnel and one filtered by a month and
/// a language, <see cref="Calls"/> calls each, one at a time. The baseline is <c>/health/live</c> called the same way.
/// </summary>
public static class FunnelScenario
{
    public const int Drivers = 100_000;

    public const int QuestionEvents = 1_000_000;

    public const int Calls = 20;

    // The shipped flow's inputs in order (typebot-flows/driver-onboarding.json).
    private static readonly string[] Blocks =
    [
        "b_privacy_choice", "b_phone_input", "b_full_name_input", "b_nif_input", "b_email_input", "b_birth_date_input",
        "b_district_input", "b_municipality_input", "b_postal_code_input", "b_vehicle_type_input", "b_licence_plate_input",
        "b_driving_licence_number_input", "b_licence_categories_input", "b_iban_input", "b_availability_input",
    ];

    private static readonly string[] Vehicles = ["car", "motorcycle", "bicycle", "van"];

    public static RigOptions Options(string logs, IReadOnlyDictionary<string, string> extra) =>
        new() { Name = "funnel", LogDirectory = logs, Settings = HostSettings.ForLoadRun(extra) };

    public static async Task RunAsync(BridgeRig rig, Report report, CancellationToken ct)
    {
        var seeding = Stopwatch.StartNew();
        var end = DateTime.UtcNow.Date;
        await SeedAsync(rig.ConnectionString, end, ct);
        var events = await rig.ScalarAsync("SELECT count(*) FROM application_questions", ct);
        var drivers = await rig.ScalarAsync("SELECT count(*) FROM drivers", ct);
        Console.WriteLine($"  seeded {drivers:N0} drivers and {events:N0} question events in {seeding.Elapsed.TotalSeconds:F0} s");

        var month = end.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var today = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var health = await TimeAsync(rig, "/health/live", staff: false, ct);
        var whole = await TimeAsync(rig, "/api/analytics/funnel", staff: true, ct);
        var filtered = await TimeAsync(rig, $"/api/analytics/funnel?from={month}&to={today}&language=en", staff: true, ct);
        var csv = await TimeAsync(rig, "/api/analytics/funnel?format=csv", staff: true, ct);
        foreach (var (what, samples) in new[] { ("whole funnel", whole), ($"period {month}…{today} and language en", filtered), ("whole funnel as CSV", csv) })
        {
            Console.WriteLine($"  funnel ({what}): median {Median(samples):F1} ms, max {samples.Max():F1} ms");
            report.Add(new("analytics/funnel", $"{drivers:N0} drivers, {events:N0} question events, {what}: median of {Calls}",
                Report.Ms(Median(samples)), $"{Report.Ms(Median(health))} (/health/live, same calls)", Report.Times(Median(samples) / Median(health)),
                what.EndsWith("CSV", StringComparison.Ordinal) ? "—" : "< 200 ms",
                what.EndsWith("CSV", StringComparison.Ordinal) ? Verdict.None : Report.Check(Median(samples) < 200)));
            report.Note(string.Create(CultureInfo.InvariantCulture,
                $"funnel ({what}): {string.Join(", ", samples.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))} ms"));
        }
    }

    /// <summary>Calls <paramref name="path"/> <see cref="Calls"/> times after two warm-up calls; milliseconds each.</summary>
    private static async Task<List<double>> TimeAsync(BridgeRig rig, string path, bool staff, CancellationToken ct)
    {
        var samples = new List<double>();
        for (var i = -2; i < Calls; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (staff)
            {
                request.Headers.Add("X-Api-Key", HostSettings.StaffKey);
            }

            var watch = Stopwatch.StartNew();
            using var response = await rig.Http.SendAsync(request, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            watch.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{path} answered HTTP {(int)response.StatusCode}");
            }

            if (i >= 0)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return samples;
    }

    private static double Median(List<double> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// Application i began i·(365 days / N) before <paramref name="end"/>; reached 5 + i mod 11 questions (10 on
    /// average, so N·10 events); those that reached 13 or more submitted, half of them went to review, half of those
    /// were decided. The daily counts are built from the events as the write path keeps them.
    /// </summary>
    private static async Task SeedAsync(string connectionString, DateTime end, CancellationToken ct)
    {
        // COPY's completion waits for the foreign-key checks of a million rows: far beyond the default 30 s timeout.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 600 }.ConnectionString);
        await connection.OpenAsync(ct);
        var ids = new Guid[Drivers];
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY drivers (id, phone_e164, full_name, district_code, vehicle_type, status, source, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            copy.Timeout = TimeSpan.FromMinutes(10);
            for (var i = 0; i < Drivers; i++)
            {
                ids[i] = Guid.CreateVersion7();
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync("+35191" + i.ToString("D7", CultureInfo.InvariantCulture), NpgsqlDbType.Text, ct);
                await copy.WriteAsync("Condutor de Teste", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(District(i), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(Vehicles[i % Vehicles.Length], NpgsqlDbType.Text, ct);
                await copy.WriteAsync("submitted", NpgsqlDbType.Text, ct);
                await copy.WriteAsync("typebot", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(Started(i, end), NpgsqlDbType.TimestampTz, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            """
            COPY applications (driver_id, language, flow, started_at, first_contact_at, bot_started_at, submitted_at, under_review_at,
                decided_at, decision, district_code, vehicle_type, question_block_id, question_at, answered_at) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            copy.Timeout = TimeSpan.FromMinutes(10);
            for (var i = 0; i < Drivers; i++)
            {
                var started = Started(i, end);
                var reached = Reached(i);
                var submitted = reached >= 13;
                var review = submitted && i % 2 == 0;
                var decided = review && i % 4 == 0;
                await copy.StartRowAsync(ct);
                await Nullable(copy, submitted ? ids[i] : (Guid?)null, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(i % 3 == 0 ? "en" : "pt", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(i % 3 == 0 ? "driver-onboarding-en" : "driver-onboarding", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(started, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(started, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(started.AddSeconds(5 + (i % 30)), NpgsqlDbType.TimestampTz, ct);
                await Nullable(copy, submitted ? started.AddMinutes(8 + (i % 20)) : (DateTime?)null, NpgsqlDbType.TimestampTz, ct);
                await Nullable(copy, review ? started.AddHours(4 + (i % 48)) : (DateTime?)null, NpgsqlDbType.TimestampTz, ct);
                await Nullable(copy, decided ? started.AddHours(60 + (i % 48)) : (DateTime?)null, NpgsqlDbType.TimestampTz, ct);
                await Nullable(copy, decided ? (i % 8 == 0 ? "approved" : "rejected") : (string?)null, NpgsqlDbType.Text, ct);
                await Nullable(copy, submitted ? District(i) : (string?)null, NpgsqlDbType.Text, ct);
                await Nullable(copy, submitted ? Vehicles[i % Vehicles.Length] : (string?)null, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(Blocks[reached - 1], NpgsqlDbType.Text, ct);
                await copy.WriteAsync(started.AddMinutes(reached), NpgsqlDbType.TimestampTz, ct);
                await Nullable(copy, submitted ? started.AddMinutes(reached + 1) : (DateTime?)null, NpgsqlDbType.TimestampTz, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY application_questions (application_id, block_id, reached_at, answered_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            copy.Timeout = TimeSpan.FromMinutes(10);
            for (var i = 0; i < Drivers; i++)
            {
                var started = Started(i, end);
                var reached = Reached(i);
                for (var q = 0; q < reached; q++)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync((long)i + 1, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(Blocks[q], NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(started.AddMinutes(q), NpgsqlDbType.TimestampTz, ct);
                    await Nullable(copy, q < reached - 1 || reached >= 13 ? started.AddMinutes(q + 1) : (DateTime?)null, NpgsqlDbType.TimestampTz, ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        // The same counts the write path keeps question by question (ApplicationProgress.RecordTurnAsync).
        const string rollup = """
            INSERT INTO funnel_question_days (day, language, flow, block_id, reached)
            SELECT (a.started_at AT TIME ZONE 'Europe/Lisbon')::date, a.language, a.flow, q.block_id, count(*)
            FROM application_questions q JOIN applications a ON a.id = q.application_id
            GROUP BY 1, 2, 3, 4
            """;
        // VACUUM runs alone (not in a multi-statement command): index-only scans need the visibility map it sets.
        foreach (var sql in new[] { rollup, "VACUUM ANALYZE drivers", "VACUUM ANALYZE applications", "VACUUM ANALYZE application_questions", "VACUUM ANALYZE funnel_question_days" })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static DateTime Started(int i, DateTime end) => end.AddSeconds(-(i + 1) * (365.0 * 86400 / Drivers));

    private static int Reached(int i) => 5 + (i % 11);

    private static string District(int i) => "PT-" + (1 + (i % 18)).ToString("D2", CultureInfo.InvariantCulture);

    private static Task Nullable(NpgsqlBinaryImporter copy, Guid? value, NpgsqlDbType type, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task Nullable(NpgsqlBinaryImporter copy, DateTime? value, NpgsqlDbType type, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task Nullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);
}
