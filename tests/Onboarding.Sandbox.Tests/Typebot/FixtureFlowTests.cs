using System.Net;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.Tests.Typebot.Support;
using Onboarding.Sandbox.Typebot.ChatApi;

namespace Onboarding.Sandbox.Tests.Typebot;

/// <summary>The upstream fixture flows through the chat API, against the expectations in fixtures/typebot/SOURCES.md.</summary>
public sealed class FixtureFlowTests : IAsyncLifetime
{
    private TypebotEmulator _emulator = null!;
    private ChatApiClient _chat = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await TypebotEmulator.StartAsync(new TypebotEmulatorOptions(), TestContext.Current.CancellationToken);
        _chat = new ChatApiClient(_emulator.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        _chat.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Lead_gen_template_runs_to_its_end_with_upstream_messages_and_variables()
    {
        _emulator.LoadFlow("lead-gen", Fixtures.TypebotFixture("lead-gen.json"));

        var (status, start) = await _chat.StartAsync("lead-gen");

        status.ShouldBe(HttpStatusCode.OK);
        start["typebot"]!["version"]!.GetValue<string>().ShouldBe("6.1");
        start["resultId"].ShouldNotBeNull();
        var first = start["messages"]![0]!;
        first["id"]!.GetValue<string>().ShouldBe("sc1y8VwDabNJgiVTBi4qtif");
        first["content"]!["type"]!.GetValue<string>().ShouldBe("richText");
        JsonNode.DeepEquals(first["content"]!["richText"], JsonNode.Parse("""[{"type":"p","children":[{"text":"Welcome to "},{"bold":true,"text":"AA"},{"text":" (Awesome Agency)"}]}]""")).ShouldBeTrue();
        start["messages"]![1]!["type"]!.GetValue<string>().ShouldBe("image");
        start["messages"]![1]!["content"]!["url"]!.GetValue<string>().ShouldStartWith("https://media2.giphy.com/");
        ChatText.InputType(start).ShouldBe("choice input");
        start["input"]!["items"]![0]!["content"]!.GetValue<string>().ShouldBe("Hi!");

        var sessionId = start["sessionId"]!.GetValue<string>();
        var (_, name) = await _chat.ContinueAsync(sessionId, "Hi!");
        ChatText.Of(name).ShouldBe(["What's your name?"]);
        ChatText.InputType(name).ShouldBe("text input");

        var (_, email) = await _chat.ContinueAsync(sessionId, "John");
        // A variable inside a text leaf splits the leaf (apps/viewer/src/test/chat.spec.ts).
        JsonNode.DeepEquals(email["messages"]![0]!["content"]!["richText"]![0]!["children"], JsonNode.Parse("""[{"text":"Great! Nice to meet you "},{"text":"John"}]""")).ShouldBeTrue();
        ChatText.Of(email)[1].ShouldBe("What's the best email we can reach you at?");
        ChatText.InputType(email).ShouldBe("email input");

        var (_, retry) = await _chat.ContinueAsync(sessionId, "not-an-email");
        ChatText.Of(retry).ShouldBe(["This email doesn't seem to be valid. Can you type it again?"]);
        ChatText.InputType(retry).ShouldBe("email input");

        var (_, services) = await _chat.ContinueAsync(sessionId, "John@Example.COM");
        services["lastMessageNewFormat"]!.GetValue<string>().ShouldBe("john@example.com");
        ChatText.Of(services).ShouldBe(["What services are you interested in?"]);
        services["input"]!["items"]!.AsArray().Count.ShouldBe(4);

        var (_, more) = await _chat.ContinueAsync(sessionId, "Website dev");
        ChatText.Of(more).ShouldBe(["Can you tell me a bit more about your needs?"]);

        var (_, end) = await _chat.ContinueAsync(sessionId, "A new website");
        ChatText.Of(end).ShouldBe(["Perfect!", "We'll get back to you at john@example.com"]);
        end.ContainsKey("input").ShouldBeFalse();

        var session = _emulator.Sessions[sessionId];
        session.Variables["Name"].ShouldBe("John");
        session.Variables["Email"].ShouldBe("john@example.com");
        var (afterEnd, error) = await _chat.ContinueAsync(sessionId, "hello?");
        afterEnd.ShouldBe(HttpStatusCode.NotFound);
        error["message"]!.GetValue<string>().ShouldBe("Session not found.");
    }

    [Fact]
    public async Task Webhook_fixture_posts_bodies_and_maps_responses_like_upstream()
    {
        await using var mock = await LoopbackStub.StartAsync(request => request.Path switch
        {
            "/api/mock/mirror-body" => (200, request.Body),
            _ => (500, """{"message":"Fail"}"""),
        });
        await using var emulator = await TypebotEmulator.StartAsync(new TypebotEmulatorOptions
        {
            // The fixture points at Typebot's own test server; the placeholder swap sends it to the local mock.
            Placeholders = new Dictionary<string, string> { ["http://localhost:3000"] = mock.BaseUrl },
        }, TestContext.Current.CancellationToken);
        using var chat = new ChatApiClient(emulator.BaseUrl);
        emulator.LoadFlow("webhook", Fixtures.TypebotFixture("webhook.json"));

        var (_, start) = await chat.StartAsync("webhook");
        start["input"]!["items"]![0]!["content"]!.GetValue<string>().ShouldBe("Send failing webhook");
        var sessionId = start["sessionId"]!.GetValue<string>();

        var (_, afterFailure) = await chat.ContinueAsync(sessionId, "Send failing webhook");
        // The failing request does not stop the flow: it continues on the block's edge to the name question.
        ChatText.InputType(afterFailure).ShouldBe("text input");
        afterFailure["input"]!["options"]!["labels"]!["placeholder"]!.GetValue<string>().ShouldBe("Type a name...");
        var failing = mock.Received.Single();
        failing.Path.ShouldBe("/api/mock/fail");
        failing.Method.ShouldBe("POST");
        JsonNode.Parse(failing.Body)!["submittedAt"].ShouldNotBeNull();

        (await chat.ContinueAsync(sessionId, "John")).Body["input"]!["type"]!.GetValue<string>().ShouldBe("number input");
        (await chat.ContinueAsync(sessionId, "30")).Body["input"]!["type"]!.GetValue<string>().ShouldBe("choice input");
        var (_, end) = await chat.ContinueAsync(sessionId, "Male");

        ChatText.Of(end).ShouldBe([
            "Data of first request:\n\n{\"name\":\"John\",\"age\":30,\"gender\":\"Male\"}",
            "Data of second request:\n\n{\"name\":\"John\",\"age\":25,\"gender\":\"male\"}",
        ]);
        end.ContainsKey("input").ShouldBeFalse();
        end.ContainsKey("logs").ShouldBeFalse();
        var mirrored = mock.Received.Where(r => r.Path == "/api/mock/mirror-body").ToList();
        mirrored.Count.ShouldBe(2);
        mirrored[0].Headers["Content-Type"].ShouldStartWith("application/json");
        emulator.Sessions[sessionId].Variables["Data"].ShouldBe("""{"name":"John","age":25,"gender":"male"}""");
        emulator.Sessions[sessionId].Variables["Full body"].ShouldBe("""{"name":"John","age":25,"gender":"male"}""");
    }
}
