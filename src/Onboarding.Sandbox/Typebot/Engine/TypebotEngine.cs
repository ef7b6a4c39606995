using System.Text.Json.Nodes;
using Onboarding.Sandbox.Typebot.Engine.Http;
using Onboarding.Sandbox.Typebot.Engine.Inputs;
using Onboarding.Sandbox.Typebot.Engine.Logic;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine;

/// <summary>
/// Runs exported Typebot flows in process: <see cref="StartAsync"/> is startChat, <see cref="ContinueAsync"/> is
/// continueChat. The HTTP chat API of the emulator wraps this class.
/// </summary>
public sealed class TypebotEngine(TypebotEngineOptions options)
{
    public const string DefaultInvalidMessage = "Invalid message. Please, try again.";
    public const string DefaultEmailRetryMessage = "This email doesn't seem to be valid. Can you type it again?";
    public const string DefaultPaymentRetryMessage = "Payment failed. Please, try again.";

    private readonly ILogger _logger = options.LoggerFactory.CreateLogger<TypebotEngine>();

    public TypebotEngine()
        : this(new TypebotEngineOptions())
    {
    }

    /// <summary>Starts a session; prefilled values are matched to variable names exactly, unknown names are ignored.</summary>
    public async Task<ChatTurn> StartAsync(
        TypebotFlow flow,
        IReadOnlyDictionary<string, JsonNode?>? prefilledVariables = null,
        ChatReply? message = null,
        CancellationToken cancellationToken = default)
    {
        var session = Register(flow, prefilledVariables);
        var turn = new ChatTurn { Session = session };
        await WalkFromStartAsync(session, turn, cancellationToken);
        if (message is not null && turn.Messages.Count == 0 && turn.Input is not null && !turn.ExpectsDedicatedReply
            && turn.Input["type"]?.GetValue<string>() is not (BlockTypes.ChoiceInput or BlockTypes.PictureChoiceInput or BlockTypes.PaymentInput or BlockTypes.Cards))
        {
            // Typebot consumes the start message only when the flow opens with a free-text input.
            return await ContinueAsync(session, message, cancellationToken);
        }

        return turn;
    }

    /// <summary>Creates a session without running the flow (startChat's <c>isOnlyRegistering</c>).</summary>
    public TypebotSession Register(TypebotFlow flow, IReadOnlyDictionary<string, JsonNode?>? prefilledVariables = null)
    {
        var session = new TypebotSession(IdGenerator.NewId(), IdGenerator.NewId(), flow, options.TimeProvider.GetUtcNow());
        foreach (var (name, value) in prefilledVariables ?? new Dictionary<string, JsonNode?>())
        {
            session.Prefilled[name] = VariableValue.FromJson(value);
        }

        session.ApplyPrefilled();
        return session;
    }

    /// <summary>Sends a reply to a waiting session. A session that has ended restarts from the start event.</summary>
    public async Task<ChatTurn> ContinueAsync(TypebotSession session, ChatReply? reply, CancellationToken cancellationToken = default)
    {
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            var turn = new ChatTurn { Session = session };
            if (reply is { Type: "text" or "audio" })
            {
                session.Transcript.Add(new TranscriptEntry("user", reply.Type, reply.Text, options.TimeProvider.GetUtcNow()));
            }

            if (session.CurrentBlockId is null)
            {
                session.Reset();
                await WalkFromStartAsync(session, turn, cancellationToken);
                return turn;
            }

            await ContinueFromBlockAsync(session, turn, reply, cancellationToken);
            return turn;
        }
        finally
        {
            session.Gate.Release();
        }
    }

    private async Task WalkFromStartAsync(TypebotSession session, ChatTurn turn, CancellationToken cancellationToken)
    {
        var run = NewRun(session, turn);
        await FlowWalker.WalkAsync(WalkStart.FromEdge(session.RootFlow.StartEvent.OutgoingEdgeId), run, cancellationToken);
        Finish(session, turn);
    }

    private async Task ContinueFromBlockAsync(TypebotSession session, ChatTurn turn, ChatReply? reply, CancellationToken cancellationToken)
    {
        var run = NewRun(session, turn);
        var found = session.Current.Flow.FindBlock(session.CurrentBlockId);
        if (found is not { } position)
        {
            throw new InvalidOperationException("Group / block not found");
        }

        var block = position.Group.Blocks[position.Index];
        ResumePausedBlock(block, reply, run);

        ParsedReply? parsed = null;
        if (BlockTypes.IsInput(block.Type) && reply?.Type != "command")
        {
            parsed = InputReplyParser.Parse(block, reply, run.Variables);
            if (parsed.Status == ReplyStatus.Fail)
            {
                AddRetryMessage(block, run);
                return;
            }

            SaveAnswer(block, reply, parsed, run);
        }

        var nextEdge = parsed?.OutgoingEdgeId ?? block.OutgoingEdgeId;
        if (parsed?.Content is { } content && reply?.Type == "text" && content != reply.Text)
        {
            turn.LastMessageNewFormat = content;
        }

        var groupHasMoreBlocks = position.Index < position.Group.Blocks.Count - 1;
        session.CurrentBlockId = null;
        if (nextEdge is null && !groupHasMoreBlocks && session.Current.QueuedEdgeIds.Count == 0 && session.Queue.Count == 1)
        {
            Finish(session, turn);
            return;
        }

        var start = groupHasMoreBlocks && nextEdge is null
            ? new WalkStart(position.Group, position.Index + 1, null)
            : WalkStart.FromEdge(nextEdge);
        await FlowWalker.WalkAsync(start, run, cancellationToken);
        Finish(session, turn);
    }

    /// <summary>Blocks that paused for a client reply take that reply as their result.</summary>
    private static void ResumePausedBlock(FlowBlock block, ChatReply? reply, BlockExecution run)
    {
        if (reply?.Type != "text")
        {
            return;
        }

        if (block.Type == BlockTypes.SetVariable && run.Frame.ById(block.Option("variableId")) is { } variable)
        {
            run.SetVariable(variable, SetVariableExecutor.FromReplyText(reply.Text));
        }
        else if (block.Type == BlockTypes.HttpRequest)
        {
            var response = JsonNode.Parse(reply.Text) as JsonObject
                ?? throw new ArgumentException("Provided response is not valid JSON");
            var statusCode = response["statusCode"] is JsonValue s && s.TryGetValue<int>(out var code) ? code : 200;
            HttpRequestExecutor.MapResponse(block, statusCode, response["data"] is { } data ? JsJson.Stringify(data) : "", run);
        }
    }

    private static void AddRetryMessage(FlowBlock block, BlockExecution run)
    {
        var retry = block.Option("retryMessageContent") is { Length: > 0 } custom
            ? VariableTemplate.Parse(custom, run.Variables, JavaScriptRunner.Inline)
            : block.Type switch
            {
                BlockTypes.EmailInput => DefaultEmailRetryMessage,
                BlockTypes.PaymentInput => DefaultPaymentRetryMessage,
                _ => run.Frame.Flow.InvalidMessage is { } invalid ? VariableTemplate.Parse(invalid, run.Variables, JavaScriptRunner.Inline) : DefaultInvalidMessage,
            };
        var message = new JsonObject
        {
            ["id"] = block.Id,
            ["type"] = "text",
            ["content"] = new JsonObject
            {
                ["type"] = "richText",
                ["richText"] = new JsonArray(new JsonObject { ["type"] = "p", ["children"] = new JsonArray(new JsonObject { ["text"] = retry }) }),
            },
        };
        run.Turn.Messages.Add(message);
        run.Session.Transcript.Add(new TranscriptEntry("bot", "text", retry, run.Now));
        run.Turn.Input = InputFormatter.Format(block, run.Variables);
    }

    private static void SaveAnswer(FlowBlock block, ChatReply? reply, ParsedReply parsed, BlockExecution run)
    {
        if (reply is null)
        {
            return;
        }

        var text = parsed.Content is { } content && reply.Type == "text" ? content : reply.Text;
        var frame = run.Frame;
        if (block.Type == BlockTypes.TextInput && block.Options?["attachments"]?["saveVariableId"]?.ToString() is { } attachmentsId
            && reply.AttachedFileUrls is { Count: > 0 } files && frame.ById(attachmentsId) is { } attachments)
        {
            run.SetVariable(attachments, attachments.Value is { IsList: true } existing
                ? VariableValue.OfList(existing.Items!.Concat(files))
                : files.Count == 1 ? VariableValue.Of(files[0]) : VariableValue.OfList(files));
        }

        if (frame.ById(block.Option("variableId")) is { } variable && reply.Type == "text")
        {
            // An input saving into a list variable appends to it.
            run.SetVariable(variable, variable.Value is { IsList: true } list && text.Length > 0
                ? VariableValue.OfList(list.Items!.Append(text))
                : VariableValue.Of(text));
        }

        var key = frame.ById(block.Option("variableId"))?.Name ?? GroupKey(block, frame);
        frame.SetAnswer(key ?? block.Id, text);
    }

    private static string? GroupKey(FlowBlock block, FlowFrame frame)
    {
        if (frame.Flow.FindBlock(block.Id) is not { } found)
        {
            return null;
        }

        var inputNumber = found.Group.Blocks.Where(b => BlockTypes.IsInput(b.Type)).ToList().FindIndex(b => b.Id == block.Id);
        return inputNumber > 0 ? $"{found.Group.Title} ({inputNumber})" : found.Group.Title;
    }

    private static void Finish(TypebotSession session, ChatTurn turn)
    {
        if (turn.IsEndOfFlow)
        {
            session.CurrentBlockId = null;
            session.IsEnded = true;
        }
    }

    private BlockExecution NewRun(TypebotSession session, ChatTurn turn) =>
        new() { Session = session, Turn = turn, Options = options, Logger = _logger };
}
