using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Fuzz;

/// <summary>
/// Feeds every public route a few thousand hostile requests from one seed (set <c>ONBOARDING_FUZZ_SEED</c> to try
/// another) through the in-process host on a real database. The records API host maps the webhook routes with their
/// real token and secret (only the bridge worker is off, and an intake sends nothing upstream), so no second host is
/// needed.
/// </summary>
public sealed class FuzzTests(AppFixture app, ITestOutputHelper output) : IntegrationContext(app)
{
    /// <summary>Fixed, so that a failure replays.</summary>
    public const int DefaultSeed = 20261126;

    private const int MappedConversationId = 4242;

    [Fact]
    public async Task Every_route_answers_hostile_input_with_a_clear_4xx_and_stores_nothing_half_written()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ONBOARDING_FUZZ_SEED"), CultureInfo.InvariantCulture, out var chosen) ? chosen : DefaultSeed;
        output.WriteLine($"fuzz seed {seed} (ONBOARDING_FUZZ_SEED={seed} replays this run)");
        var requests = new FuzzGenerator(seed, await ArrangeAsync()).Generate();

        var tally = new FuzzTally();
        var failures = new List<string>();
        var refused = new List<(FuzzRequest Request, int Status)>();
        var clock = Stopwatch.StartNew();
        foreach (var request in requests)
        {
            var response = await FuzzClient.SendAsync(Host, request);
            tally.Add(request.Route, response.Status);
            if (FuzzVerdict.Judge(request, response) is { } problem)
            {
                failures.Add($"{problem}\n{request.Describe()}");
            }

            if (response.Status >= 400)
            {
                refused.Add((request, response.Status));
            }
        }

        output.WriteLine($"{requests.Count} requests in {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(tally.ToTable());
        failures.AddRange(await HalfWrittenAsync(refused));
        foreach (var failure in failures.Take(50))
        {
            output.WriteLine(failure);
        }

        failures.Count.ShouldBe(0, $"seed {seed}: {failures.Count} bad answers or half-written rows; the first:\n{string.Join("\n\n", failures.Take(10))}");
    }

    /// <summary>A few drivers to aim the id routes at, and a Chatwoot conversation mapped to a WhatsApp chat.</summary>
    private async Task<FuzzTargets> ArrangeAsync()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 4 + 50; i++)
        {
            var (status, body) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(phone: $"+3519369{i:D5}", nif: null));
            status.ShouldBe(201, body.ToString());
            ids.Add(Guid.Parse(body.Str("driver_id")));
        }

        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.ExecuteAsync(new CommandDefinition("""
            WITH contact AS (INSERT INTO contacts (wa_chat_id, phone_e164) VALUES ('351936999999@c.us', '+351936999999') RETURNING id)
            INSERT INTO conversations (contact_id, chatwoot_conversation_id) SELECT id, @conversation FROM contact
            """, new { conversation = MappedConversationId }, cancellationToken: TestContext.Current.CancellationToken));

        var flowsCheck = Host.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Any(e => e.RoutePattern.RawText?.TrimStart('/') == "api/flows/check");
        output.WriteLine(flowsCheck ? "POST /api/flows/check is mapped: fuzzed too" : "POST /api/flows/check is not mapped: skipped");
        return new FuzzTargets { DriverIds = ids[..4], FreshDriverIds = ids[4..], MappedConversationId = MappedConversationId, FlowsCheckMapped = flowsCheck };
    }

    /// <summary>
    /// Rows that must not exist after the run: a driver whose history does not account for every version, and
    /// anything stored by a request that was refused.
    /// </summary>
    private async Task<IReadOnlyList<string>> HalfWrittenAsync(IReadOnlyList<(FuzzRequest Request, int Status)> refused)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        var problems = new List<string>();

        // Every change of a driver bumps its version and writes one history row in the same transaction.
        var unaccounted = await connection.QueryAsync<(Guid Id, int Version, long History, string Status, string? LastStatus)>(new CommandDefinition("""
            SELECT d.id, d.version, (SELECT count(*) FROM driver_status_history h WHERE h.driver_id = d.id),
                   d.status, (SELECT h.to_status FROM driver_status_history h WHERE h.driver_id = d.id ORDER BY h.at DESC, h.id DESC LIMIT 1)
            FROM drivers d
            """, cancellationToken: ct));
        problems.AddRange(unaccounted.Where(d => d.Version != d.History || d.Status != d.LastStatus)
            .Select(d => $"driver {d.Id}: version {d.Version} and status {d.Status}, but {d.History} history rows ending in {d.LastStatus ?? "nothing"}"));

        var markers = refused.Where(r => r.Request.Marker is not null).Select(r => r.Request.Marker!).ToHashSet(StringComparer.Ordinal);
        var stored = new List<(string Table, string Value)>();
        stored.AddRange((await connection.QueryAsync<string>(new CommandDefinition("SELECT typebot_result_id FROM drivers WHERE typebot_result_id IS NOT NULL", cancellationToken: ct)))
            .Select(v => ("drivers", v)));
        stored.AddRange((await connection.QueryAsync<string>(new CommandDefinition("SELECT wa_message_id FROM inbound_messages", cancellationToken: ct)))
            .Select(v => ("inbound_messages", v[(v.LastIndexOf('_') + 1)..])));
        stored.AddRange((await connection.QueryAsync<string>(new CommandDefinition("SELECT value FROM bridge_state", cancellationToken: ct)))
            .Select(v => ("bridge_state", v)));
        stored.AddRange((await connection.QueryAsync<long>(new CommandDefinition("SELECT chatwoot_message_id FROM outbox WHERE chatwoot_message_id IS NOT NULL", cancellationToken: ct)))
            .Select(v => ("outbox", v.ToString(CultureInfo.InvariantCulture))));
        problems.AddRange(stored.Where(s => markers.Contains(s.Value))
            .Select(s => $"{s.Table} holds {s.Value}, stored by a refused request:\n{refused.First(r => r.Request.Marker == s.Value).Request.Describe()}"));

        // An answer is stored under an Idempotency-Key once the registration ran (a 409 or 422 included), never for a
        // request refused before it (key, content type, body).
        var idempotencyKeys = refused.Where(r => r.Request.Route == "POST /register_driver_typebot" && r.Status is not (409 or 422))
            .SelectMany(r => r.Request.Headers.Where(h => h.Name == "Idempotency-Key").Select(h => h.Value)).ToHashSet(StringComparer.Ordinal);
        var storedKeys = await connection.QueryAsync<string>(new CommandDefinition("SELECT key FROM idempotency_keys", cancellationToken: ct));
        problems.AddRange(storedKeys.Where(idempotencyKeys.Contains).Select(k => $"idempotency_keys holds {k}, sent with a refused request"));
        return problems;
    }
}
