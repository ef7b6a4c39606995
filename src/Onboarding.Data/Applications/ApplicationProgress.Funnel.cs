using System.Globalization;
using Dapper;

namespace Onboarding.Data.Applications;

// The funnel's reads: four statements over applications (one row per application) and the daily question counts,
// never over the question rows themselves (docs/0037). Measured over 100,000 applications on 2 cores
// (bench/results/funnel.md), so two choices are deliberate: date_part, not extract, whose numeric result sorts several
// times slower in the medians; and the weeks grouped from hour bins, so the Lisbon time zone is applied to a few
// thousand hours instead of every row (Lisbon's offsets are whole hours: an hour never straddles two weeks).
public sealed partial class ApplicationProgress
{
    // Null parameters are cast: Npgsql sends a null DateTime untyped. The cohort: applications whose first contact falls in the period, in the language and flow asked for; m marks
    // those that also match district and vehicle, which count from "submitted" on (issue decision).
    private const string Cohort = """
        WITH c AS (
            SELECT a.*, (@District IS NULL OR a.district_code = @District) AND (@VehicleType IS NULL OR a.vehicle_type = @VehicleType) AS m
            FROM applications a
            WHERE a.first_contact_at IS NOT NULL
              AND (@FromAt::timestamptz IS NULL OR a.started_at >= @FromAt::timestamptz) AND (@ToAt::timestamptz IS NULL OR a.started_at < @ToAt::timestamptz)
              AND (@Language IS NULL OR a.language = @Language) AND (@Flow IS NULL OR a.flow = @Flow))
        """;

    private const string StagesSql = $$"""
        {{Cohort}}
        SELECT count(*) AS first_contact,
            count(bot_started_at) AS bot_started,
            count(*) FILTER (WHERE m AND submitted_at IS NOT NULL) AS submitted,
            count(*) FILTER (WHERE m AND documents_complete_at IS NOT NULL) AS documents_complete,
            count(*) FILTER (WHERE m AND (under_review_at IS NOT NULL OR decided_at IS NOT NULL)) AS under_review,
            count(*) FILTER (WHERE m AND decision = 'approved') AS approved,
            count(*) FILTER (WHERE m AND decision = 'rejected') AS rejected,
            count(*) FILTER (WHERE nudges_sent > 0) AS nudged,
            count(recovered_at) AS recovered,
            count(*) FILTER (WHERE submitted_at > recovered_at) AS recovered_submitted,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', bot_started_at - first_contact_at)) AS bot_started_seconds,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', submitted_at - bot_started_at)) FILTER (WHERE m) AS submitted_seconds,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', documents_complete_at - submitted_at)) FILTER (WHERE m) AS documents_complete_seconds,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', under_review_at - CASE WHEN @Documents THEN COALESCE(documents_complete_at, submitted_at) ELSE submitted_at END)) FILTER (WHERE m) AS under_review_seconds,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', decided_at - COALESCE(under_review_at, submitted_at))) FILTER (WHERE m AND decision = 'approved') AS approved_seconds,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', decided_at - COALESCE(under_review_at, submitted_at))) FILTER (WHERE m AND decision = 'rejected') AS rejected_seconds
        FROM c;
        """;

    private const string QuestionsAndWeeksSql = $$"""
        {{Cohort}}
        SELECT question_block_id AS block_id, count(*)::int AS stopped_here
        FROM c WHERE submitted_at IS NULL AND question_block_id IS NOT NULL
        GROUP BY question_block_id;

        SELECT block_id, sum(reached)::int AS reached
        FROM funnel_question_days
        WHERE (@FromDay::date IS NULL OR day >= @FromDay::date) AND (@ToDay::date IS NULL OR day <= @ToDay::date)
          AND (@Language IS NULL OR language = @Language) AND (@Flow IS NULL OR flow = @Flow)
        GROUP BY block_id;

        {{Cohort}}, h AS (
            SELECT date_bin('1 hour', started_at, timestamptz '2000-01-01 00:00Z') AS hour, count(*) AS first_contact,
                count(bot_started_at) AS bot_started, count(*) FILTER (WHERE m AND submitted_at IS NOT NULL) AS submitted,
                count(*) FILTER (WHERE m AND decision = 'approved') AS approved, count(recovered_at) AS recovered
            FROM c GROUP BY 1)
        SELECT date_trunc('week', hour AT TIME ZONE '{{TimeZone}}')::date AS week, sum(first_contact)::int AS first_contact,
            sum(bot_started)::int AS bot_started, sum(submitted)::int AS submitted, sum(approved)::int AS approved, sum(recovered)::int AS recovered
        FROM h GROUP BY 1 ORDER BY 1;
        """;

    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The funnel of the applications that began in the period (whole days in Lisbon, both ends included).</summary>
    /// <remarks><paramref name="documents"/>: the checklist is on, so the funnel has the documents stage (docs/0037).</remarks>
    public async Task<FunnelData> FunnelAsync(FunnelFilter filter, bool documents, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new
        {
            filter.District,
            filter.VehicleType,
            filter.Language,
            filter.Flow,
            Documents = documents,
            FromAt = filter.From is { } from ? StartOfDay(from) : (DateTime?)null,
            ToAt = filter.To is { } to ? StartOfDay(to.AddDays(1)) : (DateTime?)null,
            FromDay = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ToDay = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        // The stages (with the medians, the costliest part) and the rest on two connections at once: Postgres runs
        // them side by side, so the answer takes the longer of the two, not the sum.
        var stages = StagesAsync(parameters, ct);
        var rest = QuestionsAndWeeksAsync(parameters, ct);
        await Task.WhenAll(stages, rest);
        var (questions, weeks) = await rest;
        return new FunnelData(documents, await stages, questions, weeks);
    }

    private async Task<FunnelStageCounts> StagesAsync(object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<FunnelStageCounts>(new CommandDefinition(StagesSql, parameters, cancellationToken: ct));
    }

    private async Task<(List<FunnelQuestionCounts> Questions, List<FunnelWeek> Weeks)> QuestionsAndWeeksAsync(object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition(QuestionsAndWeeksSql, parameters, cancellationToken: ct));
        var stopped = (await grid.ReadAsync<(string BlockId, int StoppedHere)>()).ToDictionary(r => r.BlockId, r => r.StoppedHere, StringComparer.Ordinal);
        var reached = (await grid.ReadAsync<(string BlockId, int Reached)>()).ToDictionary(r => r.BlockId, r => r.Reached, StringComparer.Ordinal);
        var weeks = (await grid.ReadAsync<FunnelWeek>()).AsList();
        var questions = reached.Keys.Union(stopped.Keys, StringComparer.Ordinal)
            .Select(b => new FunnelQuestionCounts(b, reached.GetValueOrDefault(b), stopped.GetValueOrDefault(b)))
            .ToList();
        return (questions, weeks);
    }

    private static DateTime StartOfDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Lisbon);
}
