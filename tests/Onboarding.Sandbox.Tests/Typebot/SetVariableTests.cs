using System.Text.Json.Nodes;
using Onboarding.Sandbox.Tests.Typebot.Support;
using Onboarding.Sandbox.Typebot.Engine;

namespace Onboarding.Sandbox.Tests.Typebot;

/// <summary>Set variable: custom JavaScript expressions and the computed values the emulator supports.</summary>
public sealed class SetVariableTests
{
    [Theory]
    [InlineData("{{A}} + 1", "42")]
    [InlineData("{{A}}", "41")]
    [InlineData("{{First}} + ' ' + {{Last}}", "Ana Silva")]
    [InlineData("{\n  \"name\": \"John\",\n  \"age\": 25\n}", """{"name":"John","age":25}""")]
    [InlineData("[1, 'b']", """["1","b"]""")]
    [InlineData("0912345678", "0912345678")]
    [InlineData("https://x.example/{{A}}", "https://x.example/41")]
    [InlineData("const d = {{A}} * 2;\nreturn d", "82")]
    [InlineData("{{Missing}} === undefined", "true")]
    public async Task Custom_expression_is_evaluated_as_javascript(string expression, string expected)
    {
        var run = await Run(Blocks.SetExpression("set", "Result", expression), new { A = "41", First = "Ana", Last = "Silva" });

        run.Variable("Result").ShouldBe(expected);
        run.Texts.ShouldBe([$"Result: {expected}"]);
    }

    [Fact]
    public async Task Failing_expression_falls_back_to_text_and_can_save_the_error()
    {
        var run = await Run(Blocks.SetVariable("set", "Result", new JsonObject
        {
            ["expressionToEvaluate"] = "{{A}}.notAFunction()",
            ["isCode"] = true,
            ["saveErrorInVariableId"] = FlowBuilder.VariableId("Error"),
        }), new { A = "41" });

        run.Variable("Result").ShouldBe("41.notAFunction()");
        run.Variable("Error").ShouldNotBeNullOrEmpty();
        run.Last.Logs.ShouldContain(l => l["context"]!.GetValue<string>() == "While evaluating set variable expression");
    }

    [Fact]
    public async Task Inline_code_in_a_bubble_is_evaluated()
    {
        var flow = new FlowBuilder().Variables("A").Group("g1", "G", Blocks.Text("t", "Double: {{={{A}} * 2=}}")).Build();

        var run = await EngineRun.StartAsync(flow, new { A = "21" });

        run.Texts.ShouldBe(["Double: 42"]);
    }

    [Theory]
    [InlineData("Now", null, "2026-07-01T09:30:00.000Z")]
    [InlineData("Now", "Europe/Lisbon", "2026-07-01T10:30:00+01:00")]
    [InlineData("Today", null, "2026-07-01T09:30:00.000Z")]
    [InlineData("Tomorrow", null, "2026-07-02T09:30:00.000Z")]
    [InlineData("Yesterday", null, "2026-06-30T09:30:00.000Z")]
    [InlineData("Environment name", null, "web")]
    public async Task Computed_values(string type, string? timeZone, string expected)
    {
        var options = new JsonObject { ["type"] = type };
        if (timeZone is not null)
        {
            options["timeZone"] = timeZone;
        }

        var run = await Run(Blocks.SetVariable("set", "Result", options), null,
            new TypebotEngineOptions { TimeProvider = new FixedTimeProvider(new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero)) });

        run.Variable("Result").ShouldBe(expected);
    }

    [Fact]
    public async Task Result_id_and_random_id()
    {
        var flow = new FlowBuilder().Variables("ResultId", "Random")
            .Group("g1", "G",
                Blocks.SetVariable("s1", "ResultId", new JsonObject { ["type"] = "Result ID" }),
                Blocks.SetVariable("s2", "Random", new JsonObject { ["type"] = "Random ID" }))
            .Build();

        var run = await EngineRun.StartAsync(flow);

        run.Variable("ResultId").ShouldBe(run.Session.ResultId);
        run.Variable("Random")!.Length.ShouldBe(24);
        run.Variable("Random").ShouldNotBe(run.Session.ResultId);
    }

    [Fact]
    public async Task List_operations_empty_append_pop_shift_and_map()
    {
        var flow = new FlowBuilder()
            .Variables("Item", "Popped", "Shifted", "Mapped", "Key")
            .Variable("List", new JsonArray("a", "b", "c"))
            .Variable("Codes", new JsonArray("PT-11", "PT-13"))
            .Variable("Names", new JsonArray("Lisboa", "Porto"))
            .Variable("Single", "x")
            .Group("g1", "G",
                Blocks.SetVariable("append", "List", new JsonObject { ["type"] = "Append value(s)", ["item"] = "{{Single}}" }),
                Blocks.SetVariable("pop", "List", new JsonObject { ["type"] = "Pop", ["saveItemInVariableId"] = FlowBuilder.VariableId("Popped") }),
                Blocks.SetVariable("shift", "List", new JsonObject { ["type"] = "Shift", ["saveItemInVariableId"] = FlowBuilder.VariableId("Shifted") }),
                Blocks.SetExpression("key", "Key", "'PT-13'"),
                Blocks.SetVariable("map", "Mapped", new JsonObject
                {
                    ["type"] = "Map item with same index",
                    ["mapListItemParams"] = new JsonObject
                    {
                        ["baseItemVariableId"] = FlowBuilder.VariableId("Key"),
                        ["baseListVariableId"] = FlowBuilder.VariableId("Codes"),
                        ["targetListVariableId"] = FlowBuilder.VariableId("Names"),
                    },
                }),
                Blocks.SetVariable("append-single", "Single", new JsonObject { ["type"] = "Append value(s)", ["item"] = "y" }),
                Blocks.SetVariable("empty", "Item", new JsonObject { ["type"] = "Empty" }))
            .Build();

        var run = await EngineRun.StartAsync(flow, new { Item = "to clear" });

        run.Variable("Popped").ShouldBe("x");
        run.Variable("Shifted").ShouldBe("a");
        run.Variable("List").ShouldBe("""["b","c"]""");
        run.Variable("Mapped").ShouldBe("Porto");
        run.Variable("Single").ShouldBe("""["x","y"]""");
        run.Variable("Item").ShouldBeNull();
    }

    [Fact]
    public async Task Transcript_lists_bot_and_user_messages()
    {
        var flow = new FlowBuilder().Variables("Name", "Transcript")
            .Group("g1", "G",
                Blocks.Text("hello", "Olá!"),
                Blocks.Input("ask", "text input", "Name"),
                Blocks.SetVariable("t", "Transcript", new JsonObject { ["type"] = "Transcript" }))
            .Build();
        var run = await EngineRun.StartAsync(flow);

        await run.ReplyAsync("Ana");

        run.Variable("Transcript").ShouldBe("Assistant: \"Olá!\"\n\nUser: \"Ana\"");
    }

    [Fact]
    public async Task Client_side_values_wait_for_the_client_and_take_its_reply()
    {
        var flow = new FlowBuilder().Variables("Moment")
            .Group("g1", "G",
                Blocks.SetVariable("moment", "Moment", new JsonObject { ["type"] = "Moment of the day" }),
                Blocks.Text("after", "It is {{Moment}}"))
            .Build();
        var run = await EngineRun.StartAsync(flow);

        run.Action()["type"]!.GetValue<string>().ShouldBe("setVariable");
        run.Action()["expectsDedicatedReply"]!.GetValue<bool>().ShouldBeTrue();
        run.Last.IsEndOfFlow.ShouldBeFalse();
        run.Texts.ShouldBeEmpty();

        await run.ReplyAsync("morning");

        run.Texts.ShouldBe(["It is morning"]);
    }

    private static Task<EngineRun> Run(JsonObject setBlock, object? prefilled, TypebotEngineOptions? options = null) =>
        EngineRun.StartAsync(
            new FlowBuilder().Variables("A", "First", "Last", "Result", "Error", "Missing")
                .Group("g1", "G", setBlock, Blocks.Text("show", "Result: {{Result}}"))
                .Build(),
            prefilled,
            options);
}
