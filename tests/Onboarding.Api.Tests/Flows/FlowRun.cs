using System.Text.Json.Nodes;
using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Sandbox.Typebot.Engine;
using Onboarding.Sandbox.Typebot.Engine.Bubbles;
using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Tests.Flows;

/// <summary>
/// A shipped flow (typebot-flows/*.json, unchanged) run by the Sandbox's Typebot engine against the API under test,
/// started with the variables the bridge prefills and answered the way a driver types in WhatsApp.
/// </summary>
public sealed class FlowRun
{
    public const string Phone = "+351915211836";
    public const string ChatId = "351915211836@c.us";

    private readonly TypebotEngine _engine;
    private readonly HashSet<string> _retryMessages;

    private FlowRun(TypebotEngine engine, TypebotFlow flow, ChatTurn first)
    {
        _engine = engine;
        Last = first;
        // Whatever the flow's language, an answer it refuses comes back as one of these.
        _retryMessages =
        [
            flow.InvalidMessage ?? TypebotEngine.DefaultInvalidMessage,
            TypebotEngine.DefaultEmailRetryMessage,
            .. flow.Groups.SelectMany(g => g.Blocks).Select(b => b.Option("retryMessageContent")).OfType<string>(),
        ];
    }

    public ChatTurn Last { get; private set; }

    public TypebotSession Session => Last.Session;

    /// <summary>The texts of the last turn, as plain text.</summary>
    public List<string> Texts => Last.Messages.Select(BubbleRenderer.Describe).ToList();

    public string? Variable(string name) => Session.Variables.GetValueOrDefault(name);

    /// <summary>Starts <c>typebot-flows/<paramref name="flowFile"/></c> against <paramref name="api"/>, whose base URL the bridge would prefill.</summary>
    public static async Task<FlowRun> StartAsync(HttpClient api, string flowFile, string apiKey = AppFixture.TypebotKey)
    {
        ArgumentNullException.ThrowIfNull(api);
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "typebot-flows", flowFile), TestContext.Current.CancellationToken);
        var flow = FlowParser.Parse(json, new Dictionary<string, string> { [FlowContract.ApiKeyPlaceholder] = apiKey });
        var engine = new TypebotEngine(new TypebotEngineOptions { HttpClient = api });
        // The flow appends "/register_driver_typebot": the bridge sends the base URL without a trailing slash.
        var apiUrl = api.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var prefilled = new Dictionary<string, JsonNode?>
        {
            ["phone"] = Phone,
            ["whatsapp_name"] = "Maria",
            ["wa_chat_id"] = ChatId,
            ["chatwoot_conversation_id"] = "42",
            ["driver_id"] = "",
            ["onboarding_api_url"] = apiUrl,
        };
        var first = await engine.StartAsync(flow, prefilled, cancellationToken: TestContext.Current.CancellationToken);
        return new FlowRun(engine, flow, first);
    }

    public async Task ReplyAsync(string text)
    {
        Last.Input.ShouldNotBeNull($"the flow was not waiting for an answer when '{text}' was sent");
        Last = await _engine.ContinueAsync(Session, ChatReply.FromText(text), TestContext.Current.CancellationToken);
    }

    /// <summary>Sends each answer in turn; every answer must be accepted (no retry message).</summary>
    public async Task AnswerAllAsync(IEnumerable<string> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        foreach (var reply in replies)
        {
            await ReplyAsync(reply);
            Texts.ShouldNotContain(t => _retryMessages.Contains(t), $"'{reply}' was rejected: {string.Join(" | ", Texts)}");
        }
    }
}
