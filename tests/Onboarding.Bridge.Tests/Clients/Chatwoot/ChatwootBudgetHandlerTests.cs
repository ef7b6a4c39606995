using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Drains;
using Onboarding.Tests.Shared;

namespace Onboarding.Bridge.Tests.Clients.Chatwoot;

/// <summary>The Chatwoot budget (docs/0030): permits from the shared Postgres budget, a spent budget answered here with 429.</summary>
public sealed class ChatwootBudgetHandlerTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // As the host sets it at start: the governor's rows map snake_case columns.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        // The table as db/0011_message_classes_and_governor.sql creates it (this project does not run the migrations).
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS governor_grants (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, budget text NOT NULL,
                granted_at timestamptz NOT NULL, next_at timestamptz NOT NULL, subject text NULL)
            """, connection);
        await create.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_spent_budget_answers_429_with_the_wait_and_sends_nothing()
    {
        await using var services = new ServiceCollection().AddSingleton(NpgsqlDataSource.Create(_database.ConnectionString)).BuildServiceProvider();
        var inner = new CountingHandler();
        var options = Options.Create(new ChatwootOptions { RequestsPerMinute = 3 });
        using var client = new HttpClient(new ChatwootBudgetHandler(services, options) { InnerHandler = inner });

        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync(new Uri("http://chatwoot.test/api/v1/accounts/1/contacts/1"), TestContext.Current.CancellationToken);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await client.GetAsync(new Uri("http://chatwoot.test/api/v1/accounts/1/contacts/1"), TestContext.Current.CancellationToken);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        inner.Calls.ShouldBe(3);
        RetryAfterReader.Read(refused.Headers)!.Value.ShouldBeInRange(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM governor_grants WHERE budget = 'chatwoot'", connection);
        ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(3);
    }

    [Fact]
    public void A_chatwoot_429_is_throttled_not_a_failure_and_keeps_its_wait()
    {
        var failure = RowFailure.Classify(new UpstreamException("Chatwoot", "messages/create failed with HTTP 429", HttpStatusCode.TooManyRequests, true, TimeSpan.FromSeconds(7)));

        failure.Kind.ShouldBe(FailureKind.Throttled);
        failure.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        RowFailure.Classify(new UpstreamException("Chatwoot", "429", HttpStatusCode.TooManyRequests, true)).RetryAfter!.Value
            .ShouldBeInRange(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60.1));
        RowFailure.UntilNextMinute(DateTimeOffset.FromUnixTimeSeconds(1_800_000_045)).ShouldBe(TimeSpan.FromSeconds(15.1));
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
        }
    }
}
