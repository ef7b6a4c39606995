using System.Text.Json.Nodes;
using Onboarding.Sandbox.Typebot.Engine;
using Onboarding.Typebot.Flows;

namespace Onboarding.Sandbox.Tests.Typebot.Support;

/// <summary>Runs a flow with the in-process engine and reads the turns as text.</summary>
public sealed class EngineRun
{
    private EngineRun(TypebotEngine engine, ChatTurn first)
    {
        Engine = engine;
        Last = first;
    }

    public TypebotEngine Engine { get; }

    public ChatTurn Last { get; private set; }

    public TypebotSession Session => Last.Session;

    public List<string> Texts => Last.Messages.Select(ChatText.Message).ToList();

    public string? InputType => Last.Input?["type"]?.GetValue<string>();

    public static async Task<EngineRun> StartAsync(string flowJson, object? prefilled = null, TypebotEngineOptions? options = null)
    {
        var engine = new TypebotEngine(options ?? new TypebotEngineOptions());
        var values = prefilled is null
            ? null
            : System.Text.Json.JsonSerializer.SerializeToNode(prefilled)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        return new EngineRun(engine, await engine.StartAsync(FlowParser.Parse(flowJson), values));
    }

    public async Task<EngineRun> ReplyAsync(string text)
    {
        Last = await Engine.ContinueAsync(Session, ChatReply.FromText(text));
        return this;
    }

    public async Task<EngineRun> ReplyAsync(ChatReply reply)
    {
        Last = await Engine.ContinueAsync(Session, reply);
        return this;
    }

    public string? Variable(string name) => Session.Variables.GetValueOrDefault(name);

    public JsonObject Action(int index = 0) => Last.ClientSideActions[index];
}

/// <summary>A clock that stands still, for the date values of Set variable.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
