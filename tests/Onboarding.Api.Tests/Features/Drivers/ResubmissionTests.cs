using Dapper;
using Npgsql;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Features.Drivers;

/// <summary>A resubmission writes only what changes; concurrent ones of one driver do not queue (docs/0026).</summary>
public sealed class ResubmissionTests(AppFixture app) : IntegrationContext(app)
{
    private async Task<(long Xmin, DateTime UpdatedAt, int Version, DateTime ConsentAt, long History)> StoredAsync()
    {
        var row = await QuerySingleAsync<(long Xmin, DateTime UpdatedAt, int Version, DateTime ConsentAt)>(
            "SELECT xmin::text::bigint, updated_at, version, privacy_accepted_at FROM drivers");
        return (row.Xmin, row.UpdatedAt, row.Version, row.ConsentAt, await QuerySingleAsync<long>("SELECT count(*) FROM driver_status_history"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    [Fact]
    public async Task A_resubmission_that_changes_nothing_answers_200_and_writes_nothing()
    {
        var (_, first) = await Host.RegisterAsync(DriverScenarios.ValidRegistration());
        var before = await StoredAsync();
        // The same answers as the flow would send them again, in other spellings that normalise to the stored ones.
        var again = DriverScenarios.ValidRegistration(phone: "915 211 836");
        again["district"] = "lisboa";
        again["email"] = "";

        var (status, body) = await Host.RegisterAsync(again);

        status.ShouldBe(200, body.ToString());
        body.GetProperty("created").GetBoolean().ShouldBeFalse();
        body.Str("driver_id").ShouldBe(first.Str("driver_id"));
        body.Str("status").ShouldBe("submitted");
        (await StoredAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Thirty_two_concurrent_identical_resubmissions_all_answer_200_with_the_same_body_and_write_nothing()
    {
        await Host.RegisterAsync(DriverScenarios.ValidRegistration());
        var before = await StoredAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Host.RegisterAsync(DriverScenarios.ValidRegistration())));

        results.ShouldAllBe(r => r.Status == 200);
        results.Select(r => r.Body.ToString()).Distinct().Count().ShouldBe(1);
        (await StoredAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Concurrent_resubmissions_with_different_data_each_write_once_and_none_is_lost()
    {
        await Host.RegisterAsync(DriverScenarios.ValidRegistration());

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
        {
            var body = DriverScenarios.ValidRegistration();
            body["municipality"] = $"Concelho {(char)('A' + i)}";
            return Host.RegisterAsync(body);
        }));

        results.ShouldAllBe(r => r.Status == 200);
        var stored = await QuerySingleAsync<(string Municipality, int Version)>("SELECT municipality, version FROM drivers");
        stored.Version.ShouldBe(21);
        stored.Municipality.ShouldStartWith("Concelho ");
        var history = await QueryAsync<string>("SELECT reason FROM driver_status_history ORDER BY id");
        history.Count.ShouldBe(21);
        history.Skip(1).ShouldAllBe(r => r == "dados reenviados pelo condutor");
    }

    [Fact]
    public async Task A_changed_field_or_a_new_flow_run_is_written_with_a_history_row()
    {
        await Host.RegisterAsync(DriverScenarios.ValidRegistration());
        var before = await StoredAsync();
        var again = DriverScenarios.ValidRegistration();
        again["typebot_result_id"] = "result-2";

        var (status, _) = await Host.RegisterAsync(again);

        status.ShouldBe(200);
        var after = await StoredAsync();
        after.Version.ShouldBe(before.Version + 1);
        after.History.ShouldBe(before.History + 1);
        after.UpdatedAt.ShouldBeGreaterThan(before.UpdatedAt);
        // A written resubmission records the consent again, as it always did.
        after.ConsentAt.ShouldBeGreaterThan(before.ConsentAt);
    }

    [Fact]
    public async Task A_withdrawn_driver_sending_the_same_data_returns_to_submitted_with_a_history_row()
    {
        await Host.RegisterAsync(DriverScenarios.ValidRegistration());
        await ExecuteAsync("UPDATE drivers SET status = 'withdrawn'");

        var (status, body) = await Host.RegisterAsync(DriverScenarios.ValidRegistration());

        status.ShouldBe(200);
        body.Str("status").ShouldBe("submitted");
        var last = await QuerySingleAsync<(string From, string To)>("SELECT from_status, to_status FROM driver_status_history ORDER BY id DESC LIMIT 1");
        last.ShouldBe(("withdrawn", "submitted"));
    }

    [Fact]
    public async Task The_same_data_from_the_first_chat_binds_an_unbound_record()
    {
        var unbound = DriverScenarios.ValidRegistration();
        unbound.Remove("wa_chat_id");
        await Host.RegisterAsync(unbound);

        var (status, _) = await Host.RegisterAsync(DriverScenarios.ValidRegistration());

        status.ShouldBe(200);
        (await QuerySingleAsync<string>("SELECT wa_chat_id FROM drivers")).ShouldBe("351915211836@c.us");
        (await QuerySingleAsync<long>("SELECT count(*) FROM driver_status_history")).ShouldBe(2);
    }

    [Fact]
    public async Task Without_an_idempotency_key_the_idempotency_table_is_not_touched()
    {
        await Host.RegisterAsync(DriverScenarios.ValidRegistration());
        await Host.RegisterAsync(DriverScenarios.ValidRegistration());

        (await QuerySingleAsync<long>("SELECT count(*) FROM idempotency_keys")).ShouldBe(0);
    }
}
