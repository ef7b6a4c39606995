using System.Net;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.Tests.Typebot.Support;
using Onboarding.Sandbox.Typebot.ChatApi;
using Onboarding.Typebot.Flows;

namespace Onboarding.Sandbox.Tests.Typebot;

/// <summary>The public chat API: shapes, start message rule, 404s, flow replacement and fault injection.</summary>
public sealed class ChatApiTests : IAsyncLifetime
{
    private static readonly string AskName = new FlowBuilder().Variables("Name")
        .Group("g1", "Ask", Blocks.Input("ask", "text input", "Name"), Blocks.Text("bye", "Adeus {{Name}}"))
        .Build();

    private TypebotEmulator _emulator = null!;
    private ChatApiClient _chat = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await TypebotEmulator.StartAsync(new TypebotEmulatorOptions(), TestContext.Current.CancellationToken);
        _emulator.LoadFlow("ask-name", AskName);
        _chat = new ChatApiClient(_emulator.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        _chat.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Unknown_session_and_unknown_typebot_are_404_in_orpc_shape()
    {
        var (status, body) = await _chat.ContinueAsync("nosuchsession", "olá");
        status.ShouldBe(HttpStatusCode.NotFound);
        JsonNode.DeepEquals(body, JsonNode.Parse("""{"defined":false,"code":"NOT_FOUND","status":404,"message":"Session not found."}""")).ShouldBeTrue();

        var (startStatus, startBody) = await _chat.StartAsync("no-such-bot");
        startStatus.ShouldBe(HttpStatusCode.NotFound);
        startBody["message"]!.GetValue<string>().ShouldBe("Typebot not found");
    }

    [Fact]
    public async Task Malformed_body_is_400_and_an_empty_body_starts_the_chat()
    {
        using var http = new HttpClient { BaseAddress = _emulator.BaseUrl };
        using var malformed = await http.PostAsync("api/v1/typebots/ask-name/startChat", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var empty = await http.PostAsync("api/v1/typebots/ask-name/startChat", null, TestContext.Current.CancellationToken);

        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ended_session_is_deleted_and_later_calls_are_404()
    {
        var (_, start) = await _chat.StartAsync("ask-name");
        var sessionId = start["sessionId"]!.GetValue<string>();

        var (_, end) = await _chat.ContinueAsync(sessionId, "Ana");
        ChatText.Of(end).ShouldBe(["Adeus Ana"]);
        end.ContainsKey("input").ShouldBeFalse();

        (await _chat.ContinueAsync(sessionId, "Ana")).Status.ShouldBe(HttpStatusCode.NotFound);
        _emulator.Sessions[sessionId].IsEnded.ShouldBeTrue();
        _emulator.Sessions[sessionId].Variables["Name"].ShouldBe("Ana");
    }

    [Fact]
    public async Task Start_message_is_consumed_when_the_flow_opens_with_a_text_input()
    {
        var (_, start) = await _chat.StartAsync("ask-name", new JsonObject { ["message"] = new JsonObject { ["type"] = "text", ["text"] = "Rui" } });

        ChatText.Of(start).ShouldBe(["Adeus Rui"]);
        start.ContainsKey("input").ShouldBeFalse();
        start.ContainsKey("resultId").ShouldBeFalse();
    }

    [Fact]
    public async Task Start_response_has_the_session_result_typebot_and_input()
    {
        var (status, start) = await _chat.StartAsync("ask-name", new JsonObject { ["prefilledVariables"] = new JsonObject { ["Name"] = "Ana", ["Unknown"] = "x" } });

        status.ShouldBe(HttpStatusCode.OK);
        start["sessionId"]!.GetValue<string>().Length.ShouldBe(24);
        start["resultId"]!.GetValue<string>().Length.ShouldBe(24);
        start["typebot"]!["id"]!.GetValue<string>().ShouldBe("test-flow");
        start["typebot"]!["publishedAt"].ShouldNotBeNull();
        start["messages"]!.AsArray().ShouldBeEmpty();
        start["input"]!["id"]!.GetValue<string>().ShouldBe("ask");
        start["input"]!["prefilledValue"]!.GetValue<string>().ShouldBe("Ana");
        var (_, other) = await _chat.StartAsync("ask-name");
        other["sessionId"]!.GetValue<string>().ShouldNotBe(start["sessionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_registering_creates_the_session_and_the_first_continue_starts_the_flow()
    {
        _emulator.LoadFlow("hello", new FlowBuilder().Variables("Name").Group("g1", "G", Blocks.Text("t", "Olá {{Name}}"), Blocks.Input("ask", "text input")).Build());

        var (_, start) = await _chat.StartAsync("hello", new JsonObject { ["isOnlyRegistering"] = true, ["prefilledVariables"] = new JsonObject { ["Name"] = "Ana" } });
        start["messages"]!.AsArray().ShouldBeEmpty();
        var (status, first) = await _chat.ContinueAsync(start["sessionId"]!.GetValue<string>(), "oi");

        status.ShouldBe(HttpStatusCode.OK);
        ChatText.Of(first).ShouldBe(["Olá Ana"]);
    }

    [Fact]
    public async Task Markdown_format_is_returned_when_asked()
    {
        _emulator.LoadFlow("bold", new FlowBuilder().Group("g1", "G", new JsonObject
        {
            ["id"] = "t",
            ["type"] = "text",
            ["content"] = JsonNode.Parse("""{"richText":[{"type":"p","children":[{"text":"Olá "},{"text":"Ana","bold":true}]}]}"""),
        }, Blocks.Input("ask", "text input")).Build());

        var (_, start) = await _chat.StartAsync("bold", new JsonObject { ["textBubbleContentFormat"] = "markdown" });

        JsonNode.DeepEquals(start["messages"]![0]!["content"], JsonNode.Parse("""{"type":"markdown","markdown":"Olá **Ana**"}""")).ShouldBeTrue();
    }

    [Fact]
    public async Task Loading_a_flow_again_replaces_it_for_new_sessions_only()
    {
        var (_, oldStart) = await _chat.StartAsync("ask-name");
        _emulator.LoadFlow("ask-name", AskName.Replace("Adeus", "Até logo", StringComparison.Ordinal));

        var (_, oldEnd) = await _chat.ContinueAsync(oldStart["sessionId"]!.GetValue<string>(), "Ana");
        var (_, newStart) = await _chat.StartAsync("ask-name");
        var (_, newEnd) = await _chat.ContinueAsync(newStart["sessionId"]!.GetValue<string>(), "Ana");

        ChatText.Of(oldEnd).ShouldBe(["Adeus Ana"]);
        ChatText.Of(newEnd).ShouldBe(["Até logo Ana"]);
    }

    [Fact]
    public async Task Faults_make_the_api_unreachable_or_failing_until_reset()
    {
        _emulator.Faults.Down = true;
        await Should.ThrowAsync<HttpRequestException>(() => _chat.StartAsync("ask-name"));

        _emulator.Faults.Reset();
        _emulator.Faults.FailNext(1, 503);
        (await _chat.StartAsync("ask-name")).Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await _chat.StartAsync("ask-name")).Status.ShouldBe(HttpStatusCode.OK);

        _emulator.Faults.ErrorRate = 1;
        (await _chat.StartAsync("ask-name")).Status.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Theory]
    [InlineData("""{"version":"5","events":null,"groups":[]}""", "not supported")]
    [InlineData("""{"version":"6.1","events":[],"groups":[]}""", "start event is missing")]
    [InlineData("""not json""", "not valid JSON")]
    public void Invalid_exports_are_rejected(string json, string reason)
    {
        var error = Should.Throw<FlowFormatException>(() => _emulator.LoadFlow("bad", json));

        error.Message.ShouldContain(reason);
    }

    [Fact]
    public async Task Placeholders_are_applied_to_http_request_blocks_when_a_flow_is_loaded()
    {
        await using var stub = await LoopbackStub.StartAsync(_ => (200, """{"ok":true}"""));
        await using var emulator = await TypebotEmulator.StartAsync(new TypebotEmulatorOptions
        {
            Placeholders = new Dictionary<string, string> { ["__KEY__"] = "segredo", ["__BASE__"] = stub.BaseUrl },
        }, TestContext.Current.CancellationToken);
        var webhook = JsonNode.Parse("""
            {"id":"http","type":"Webhook","options":{"isCustomBody":true,"webhook":{"method":"POST","url":"__BASE__/hook",
             "headers":[{"id":"h","key":"X-Api-Key","value":"__KEY__"}],"queryParams":[{"id":"q","key":"name","value":"{{Name}}"}],
             "body":"{\"name\":\"{{Name}}\",\"list\":{{List}}}"},
             "responseVariableMapping":[{"id":"m","variableId":"v_Status","bodyPath":"statusCode"}]}}
            """)!.AsObject();
        emulator.LoadFlow("hook", new FlowBuilder().Variables("Name", "Status").Variable("List", new JsonArray("a", "b"))
            .Group("g1", "G", webhook, Blocks.Text("t", "status {{Status}}")).Build());
        using var chat = new ChatApiClient(emulator.BaseUrl);

        var (_, start) = await chat.StartAsync("hook", new JsonObject { ["prefilledVariables"] = new JsonObject { ["Name"] = "Ana \"A\" & Co" } });

        ChatText.Of(start).ShouldBe(["status 200"]);
        var request = stub.Received.Single();
        request.Path.ShouldBe("/hook");
        request.Query.ShouldBe("?name=Ana%20%22A%22%20%26%20Co");
        request.Headers["X-Api-Key"].ShouldBe("segredo");
        JsonNode.DeepEquals(JsonNode.Parse(request.Body), JsonNode.Parse("""{"name":"Ana \"A\" & Co","list":["a","b"]}""")).ShouldBeTrue();
    }
}
