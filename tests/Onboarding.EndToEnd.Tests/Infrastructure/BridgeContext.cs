using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Onboarding.Bridge.Inbound.CatchUp;
using Onboarding.Bridge.Inbound.Processing;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Bridge.State;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>Base of the bridge scenarios: a clean database and fault-free fakes before each test.</summary>
public abstract class BridgeContext(BridgeFixture bridge) : IAsyncLifetime
{
    private const long QuietFor = 100;

    private static int _phones;

    protected BridgeFixture Bridge { get; } = bridge;

    public virtual async ValueTask InitializeAsync()
    {
        Bridge.Wpp.Faults.Reset();
        Bridge.Wpp.FailNextSends(0);
        Bridge.Chatwoot.Faults.Reset();

        // The previous test's work ends first, so none of it writes into this test's fresh database: the fakes' webhooks
        // (posted unawaited, as the real servers do) and the host's drains. Quiet for a while, not at one instant: a
        // webhook just acknowledged starts its drain a moment later.
        var inbound = Bridge.Services.GetRequiredService<InboundProcessor>();
        var outbox = Bridge.Services.GetRequiredService<OutboxDispatcher>();
        var quietSince = long.MaxValue;
        await Eventually.TrueAsync(() =>
        {
            var quiet = Bridge.Wpp.BackgroundWork == 0 && Bridge.Chatwoot.BackgroundWork == 0 && inbound.Running == 0 && outbox.Running == 0;
            quietSince = quiet ? Math.Min(quietSince, Environment.TickCount64) : long.MaxValue;
            return Environment.TickCount64 - quietSince >= QuietFor;
        }, "the previous test's webhooks and drains to end", 60);
        await Bridge.Database.ResetAsync();

        // Catch-up passes in a test look only at chats active from now on, not at those of earlier tests.
        await Bridge.Services.GetRequiredService<BridgeState>().SetAsync(
            BridgeState.CatchUpWatermark, (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 120).ToString(System.Globalization.CultureInfo.InvariantCulture), default);
    }

    protected Task<CatchUpResult> CatchUpAsync() =>
        Bridge.Services.GetRequiredService<WppConnectCatchUp>().RunOnceAsync(TestContext.Current.CancellationToken);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A phone number no other test uses, so the fakes' state never mixes between tests.</summary>
    protected static string NewPhone() => $"+35191{Interlocked.Increment(ref _phones) + (Environment.ProcessId % 100 * 10000):0000000}";

    /// <summary>The Chatwoot conversation the bridge made for this phone, if any yet.</summary>
    protected CwConversation? ConversationOf(string e164)
    {
        var contact = Bridge.Chatwoot.Contacts.FirstOrDefault(c => c.PhoneNumber == e164);
        return contact is null ? null : Bridge.Chatwoot.Conversations.LastOrDefault(c => c.ContactId == contact.Id);
    }

    protected IReadOnlyList<CwMessage> ChatwootMessagesOf(string e164) =>
        ConversationOf(e164) is { } c ? Bridge.Chatwoot.Messages(c.Id) : [];

    protected Task<HttpResponseMessage> PostJsonAsync(string url, string body) =>
        Bridge.Http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    protected Task<HttpResponseMessage> PostJsonAsync(Uri url, string body) => PostJsonAsync(url.ToString(), body);

    protected async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(Bridge.Database.ConnectionString);
        return (await connection.QueryAsync<T>(sql, args)).AsList();
    }

    protected async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(Bridge.Database.ConnectionString);
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? default!;
    }
}
