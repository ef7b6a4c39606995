using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Onboarding.Bridge;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Operations;
using Onboarding.Bridge.State;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>Agents hear in Chatwoot when the bridge needs a person, once when it starts and once when it ends.</summary>
[Collection(BridgeCollection.Name)]
public sealed class OperationsAlertTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    [Fact]
    public async Task A_disconnected_session_and_dead_letters_are_announced_once_and_their_end_too()
    {
        var e164 = NewPhone();
        await Bridge.Wpp.Phone(e164, "Operações").SendTextAsync("canal de operações");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the operations conversation");
        var operations = ConversationOf(e164)!.Id;
        var alerts = new OperationsAlerts(Bridge.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), Bridge.Services.GetRequiredService<BridgeState>(),
            Options.Create(new ChatwootOptions { OperationsConversationId = operations }), Options.Create(new BridgeOptions { BacklogAlertThreshold = 100 }),
            Bridge.Services.GetRequiredService<BridgeSignal>(), NullLogger<OperationsAlerts>.Instance);
        var calm = new BridgeDepth(0, 0, 0, 0);

        (await alerts.EvaluateAsync("CLOSED", calm, TestContext.Current.CancellationToken)).ShouldBe(1);
        (await alerts.EvaluateAsync("CLOSED", calm, TestContext.Current.CancellationToken)).ShouldBe(0);
        (await alerts.EvaluateAsync("CONNECTED", new BridgeDepth(0, 0, 2, 0), TestContext.Current.CancellationToken)).ShouldBe(2);
        (await alerts.EvaluateAsync("CONNECTED", new BridgeDepth(150, 0, 0, 0), TestContext.Current.CancellationToken)).ShouldBe(2);

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count(m => m.Private) == 5, "five notes");
        ChatwootMessagesOf(e164).Where(m => m.Private).Select(m => m.Content!.StartsWith("⚠️", StringComparison.Ordinal) ? "raised" : "cleared")
            .ShouldBe(["raised", "cleared", "raised", "cleared", "raised"]);
        ChatwootMessagesOf(e164).Where(m => m.Private).Last().Content!.ShouldContain("150 mensagens");
    }
}
