using Microsoft.Extensions.Logging;
using Onboarding.Sandbox.Tests.Typebot.Support;
using Onboarding.Sandbox.Typebot.Engine;
using Onboarding.Typebot.Flows;

namespace Onboarding.Sandbox.Tests.Typebot;

/// <summary>
/// <see cref="EmulatorBlockSupport"/> is what the flow checker tells operators the emulator runs: the walker must run
/// every logic and integration block it lists, and skip (with its log line) every one it lists as skipped.
/// </summary>
public sealed class BlockSupportTests
{
    public static TheoryData<string> Executed() => [.. EmulatorBlockSupport.Executed.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Executed))]
    public async Task Every_block_the_list_says_the_emulator_runs_is_run(string type)
    {
        var logs = new CapturingLoggerProvider();
        var flow = new FlowBuilder().Group("g1", "Main", Blocks.Of("b1", type)).Build();

        await EngineRun.StartAsync(flow, null, new TypebotEngineOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs)) });

        logs.Lines.ShouldNotContain(l => l.Contains("skipped block b1", StringComparison.Ordinal));
        EmulatorBlockSupport.Runs(type).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Google Sheets")]
    [InlineData("openai")]
    [InlineData(BlockTypes.WaitForWebhook)]
    public async Task A_block_the_list_says_is_skipped_is_skipped(string type)
    {
        var logs = new CapturingLoggerProvider();
        var flow = new FlowBuilder().Group("g1", "Main", Blocks.Of("b1", type), Blocks.Text("t", "after")).Build();

        var run = await EngineRun.StartAsync(flow, null, new TypebotEngineOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs)) });

        EmulatorBlockSupport.IsSkipped(type).ShouldBeTrue();
        EmulatorBlockSupport.Runs(type).ShouldBeFalse();
        run.Texts.ShouldBe(["after"]);
        logs.Lines.ShouldContain(l => l.Contains("skipped block b1", StringComparison.Ordinal));
    }
}
