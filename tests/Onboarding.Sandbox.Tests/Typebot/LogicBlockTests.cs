using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Onboarding.Sandbox.Tests.Typebot.Support;
using Onboarding.Sandbox.Typebot.Engine;
using Onboarding.Typebot.Flows;

namespace Onboarding.Sandbox.Tests.Typebot;

/// <summary>Jump and Return, Wait, Redirect, AB test, Typebot link and unknown blocks.</summary>
public sealed class LogicBlockTests
{
    [Fact]
    public async Task Jump_goes_to_the_group_and_Return_comes_back_after_the_jump()
    {
        var flow = new FlowBuilder()
            .Group("g1", "Main",
                Blocks.Text("t1", "before"),
                Blocks.Of("jump", "Jump", new JsonObject { ["groupId"] = "g_sub" }),
                Blocks.Text("t2", "after return"))
            .Group("g_sub", "Sub", Blocks.Text("t3", "in sub"), Blocks.Of("ret", "Return"))
            .Build();

        var run = await EngineRun.StartAsync(flow);

        run.Texts.ShouldBe(["before", "in sub", "after return"]);
        run.Last.IsEndOfFlow.ShouldBeTrue();
    }

    [Fact]
    public async Task Jump_to_a_block_or_to_a_group_title_held_in_a_variable()
    {
        var flow = new FlowBuilder().Variables("Target")
            .Group("g1", "Main", Blocks.Of("jump", "Jump", new JsonObject { ["groupId"] = "{{Target}}" }))
            .Group("g_a", "Alpha", Blocks.Text("a1", "alpha 1"), Blocks.Text("a2", "alpha 2"))
            .Group("g_b", "Beta", Blocks.Text("b1", "beta"), Blocks.Of("jump_block", "Jump", new JsonObject { ["groupId"] = "g_a", ["blockId"] = "a2" }))
            .Build();

        (await EngineRun.StartAsync(flow, new { Target = "Alpha" })).Texts.ShouldBe(["alpha 1", "alpha 2"]);
        (await EngineRun.StartAsync(flow, new { Target = "Beta" })).Texts.ShouldBe(["beta", "alpha 2"]);
        var missing = await EngineRun.StartAsync(flow, new { Target = "Gamma" });
        missing.Texts.ShouldBeEmpty();
        missing.Last.Logs.ShouldContain(l => l["description"]!.GetValue<string>() == "Group to jump to is not found");
    }

    [Fact]
    public async Task Wait_asks_the_client_to_pause_and_the_flow_goes_on()
    {
        var flow = new FlowBuilder()
            .Group("g1", "Main",
                Blocks.Text("t1", "one"),
                Blocks.Of("wait", "Wait", new JsonObject { ["secondsToWaitFor"] = "2" }),
                Blocks.Text("t2", "two"))
            .Build();

        var run = await EngineRun.StartAsync(flow);

        run.Texts.ShouldBe(["one", "two"]);
        JsonNode.DeepEquals(run.Action(), JsonNode.Parse("""{"type":"wait","wait":{"secondsToWaitFor":2},"lastBubbleBlockId":"t1"}""")).ShouldBeTrue();
    }

    [Fact]
    public async Task Wait_with_pause_waits_for_a_reply()
    {
        var flow = new FlowBuilder()
            .Group("g1", "Main",
                Blocks.Of("wait", "Wait", new JsonObject { ["secondsToWaitFor"] = "1", ["shouldPause"] = true }),
                Blocks.Text("t2", "resumed"))
            .Build();
        var run = await EngineRun.StartAsync(flow);
        run.Texts.ShouldBeEmpty();
        run.Last.IsEndOfFlow.ShouldBeFalse();

        await run.ReplyAsync("");

        run.Texts.ShouldBe(["resumed"]);
    }

    [Fact]
    public async Task Redirect_emits_the_url_with_variables_and_continues()
    {
        var flow = new FlowBuilder().Variables("Id")
            .Group("g1", "Main",
                Blocks.Of("redirect", "Redirect", new JsonObject { ["url"] = "example.pt/drivers/{{Id}}", ["isNewTab"] = true }),
                Blocks.Text("t", "after"))
            .Build();

        var run = await EngineRun.StartAsync(flow, new { Id = "7" });

        run.Texts.ShouldBe(["after"]);
        run.Action()["type"]!.GetValue<string>().ShouldBe("redirect");
        run.Action()["redirect"]!["url"]!.GetValue<string>().ShouldBe("https://example.pt/drivers/7");
        run.Action()["redirect"]!["isNewTab"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Ab_test_takes_path_a_at_100_percent()
    {
        var ab = new JsonObject
        {
            ["id"] = "ab",
            ["type"] = "AB test",
            ["options"] = new JsonObject { ["aPercent"] = 100 },
            ["items"] = new JsonArray(new JsonObject { ["id"] = "a" }, new JsonObject { ["id"] = "b" }),
        };
        var flow = new FlowBuilder()
            .Group("g1", "Main", ab)
            .Group("g_a", "A", Blocks.Text("ta", "A"))
            .Group("g_b", "B", Blocks.Text("tb", "B"))
            .Edge("ab", "g_a", itemId: "a")
            .Edge("ab", "g_b", itemId: "b")
            .Build();

        (await EngineRun.StartAsync(flow)).Texts.ShouldBe(["A"]);
    }

    [Fact]
    public async Task Typebot_link_runs_the_linked_flow_then_resumes_with_merged_variables()
    {
        var child = FlowParser.Parse(new FlowBuilder().Id("child-flow").Variables("Name", "Answer")
            .Group("c1", "Child", Blocks.Text("ct", "child says hi {{Name}}"), Blocks.Input("ask", "text input", "Answer"))
            .Build());
        var link = Blocks.Of("link", "Typebot link", new JsonObject { ["typebotId"] = "child-flow", ["mergeResults"] = true });
        var parent = new FlowBuilder().Variables("Name", "Answer")
            .Group("g1", "Main", Blocks.Text("p1", "parent"), link, Blocks.Text("p2", "back in parent: {{Answer}}"))
            .Build();
        var options = new TypebotEngineOptions { FindFlow = id => id == child.Id ? child : null };

        var run = await EngineRun.StartAsync(parent, new { Name = "Ana" }, options);
        run.Texts.ShouldBe(["parent", "child says hi Ana"]);
        await run.ReplyAsync("42");

        run.Texts.ShouldBe(["back in parent: 42"]);
        run.Last.IsEndOfFlow.ShouldBeTrue();
    }

    [Fact]
    public async Task Typebot_link_to_the_same_flow_runs_the_group_then_resumes()
    {
        var flow = new FlowBuilder()
            .Group("g1", "Main", Blocks.Of("link", "Typebot link", new JsonObject { ["typebotId"] = "current", ["groupId"] = "g_shared" }), Blocks.Text("t", "resumed"))
            .Group("g_shared", "Shared", Blocks.Text("s", "shared group"))
            .Build();

        (await EngineRun.StartAsync(flow)).Texts.ShouldBe(["shared group", "resumed"]);
    }

    [Fact]
    public async Task Missing_typebot_link_is_skipped_with_an_error_log()
    {
        var logs = new CapturingLoggerProvider();
        var flow = new FlowBuilder()
            .Group("g1", "Main", Blocks.Of("link", "Typebot link", new JsonObject { ["typebotId"] = "not-in-workspace" }), Blocks.Text("t", "still here"))
            .Build();

        var run = await EngineRun.StartAsync(flow, null, new TypebotEngineOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs)) });

        run.Texts.ShouldBe(["still here"]);
        run.Last.Logs.ShouldContain(l => l["description"]!.GetValue<string>() == "Failed to link typebot");
        logs.Lines.ShouldContain(l => l.Contains("not-in-workspace", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chatwoot_block_emits_the_widget_action_and_the_flow_goes_on()
    {
        var flow = new FlowBuilder().Variables("Email")
            .Group("g1", "Main",
                Blocks.Of("cw", "Chatwoot", JsonNode.Parse("""{"task":"Show widget","baseUrl":"https://chat.example.pt","websiteToken":"tok","user":{"email":"{{Email}}"}}""")!.AsObject()),
                Blocks.Text("t", "after chatwoot"))
            .Build();

        var run = await EngineRun.StartAsync(flow, new { Email = "ana@example.pt" });

        run.Texts.ShouldBe(["after chatwoot"]);
        run.Action()["type"]!.GetValue<string>().ShouldBe("chatwoot");
        var script = run.Action()["chatwoot"]!["scriptToExecute"]!["content"]!.GetValue<string>();
        script.ShouldContain("https://chat.example.pt");
        script.ShouldContain("ana@example.pt");
        run.Last.IsEndOfFlow.ShouldBeTrue();
    }

    [Fact]
    public async Task Unknown_blocks_are_skipped_and_logged()
    {
        var logs = new CapturingLoggerProvider();
        var flow = new FlowBuilder()
            .Group("g1", "Main",
                Blocks.Of("sheets", "Google Sheets"),
                Blocks.Of("forged", "openai", new JsonObject { ["action"] = "Create chat completion" }),
                Blocks.Text("t", "after unknown blocks"))
            .Build();

        var run = await EngineRun.StartAsync(flow, null, new TypebotEngineOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs)) });

        run.Texts.ShouldBe(["after unknown blocks"]);
        logs.Lines.ShouldContain(l => l.Contains("sheets", StringComparison.Ordinal) && l.Contains("Google Sheets", StringComparison.Ordinal));
        logs.Lines.ShouldContain(l => l.Contains("forged", StringComparison.Ordinal) && l.Contains("openai", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bubbles_of_every_kind_are_sent_with_variables_substituted()
    {
        var flow = new FlowBuilder().Variables("Id")
            .Group("g1", "Main",
                new JsonObject { ["id"] = "img", ["type"] = "image", ["content"] = new JsonObject { ["url"] = "https://cdn.example.pt/{{Id}}.png" } },
                new JsonObject { ["id"] = "vid", ["type"] = "video", ["content"] = new JsonObject { ["url"] = "https://cdn.example.pt/v.mp4" } },
                new JsonObject { ["id"] = "aud", ["type"] = "audio", ["content"] = new JsonObject { ["url"] = "https://cdn.example.pt/a.mp3" } },
                new JsonObject { ["id"] = "emb", ["type"] = "embed", ["content"] = new JsonObject { ["url"] = "https://maps.example.pt/?q={{Id}}", ["height"] = 400 } },
                new JsonObject
                {
                    ["id"] = "rich",
                    ["type"] = "text",
                    ["content"] = JsonNode.Parse("""{"richText":[{"type":"p","children":[{"text":"Ver "},{"type":"a","url":"https://x.pt/{{Id}}","children":[{"text":"perfil {{Id}}","bold":true}]}]}]}"""),
                })
            .Build();

        var run = await EngineRun.StartAsync(flow, new { Id = "7" });

        run.Last.Messages.Select(m => m["type"]!.GetValue<string>()).ShouldBe(["image", "video", "audio", "embed", "text"]);
        run.Last.Messages[0]["content"]!["url"]!.GetValue<string>().ShouldBe("https://cdn.example.pt/7.png");
        run.Last.Messages[3]["content"]!["url"]!.GetValue<string>().ShouldBe("https://maps.example.pt/?q=7");
        JsonNode.DeepEquals(run.Last.Messages[4]["content"]!["richText"], JsonNode.Parse("""[{"type":"p","children":[{"text":"Ver "},{"type":"a","url":"https://x.pt/7","children":[{"text":"perfil ","bold":true},{"bold":true,"text":"7"}]}]}]""")).ShouldBeTrue();
    }
}
