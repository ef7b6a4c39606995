using System.Text.Json.Nodes;
using Onboarding.Sandbox.Tests.Typebot.Support;
using Onboarding.Sandbox.Typebot.Engine;

namespace Onboarding.Sandbox.Tests.Typebot;

/// <summary>Each input type's validation, normalisation and retry message, as in Typebot's bot engine.</summary>
public sealed class InputValidationTests
{
    private const string Invalid = TypebotEngine.DefaultInvalidMessage;

    public static TheoryData<string, string, string, string, string, string> Cases => new()
    {
        // type, options, rejected reply, retry message, accepted reply, saved value
        { "number input", "{}", "abc", Invalid, "42", "42" },
        { "number input", "{}", "", Invalid, "3,5", "3.5" },
        { "number input", """{"min":10,"max":20}""", "25", Invalid, "15", "15" },
        { "number input", "{}", "x1", Invalid, "0123", "0123" },
        { "email input", "{}", "ana@", TypebotEngine.DefaultEmailRetryMessage, "Ana@Example.PT", "ana@example.pt" },
        { "url input", "{}", "not a url", Invalid, "example.com/page", "example.com/page" },
        { "url input", """{"retryMessageContent":"URL inválido"}""", "ftp://example.com", "URL inválido", "https://example.com", "https://example.com" },
        { "phone number input", """{"defaultCountryCode":"PT"}""", "abc", Invalid, "912 345 678", "+351912345678" },
        { "phone number input", "{}", "912345678", Invalid, "+351 912 345 678", "+351912345678" },
        { "date input", "{}", "32/13/2020", Invalid, "1990-03-15", "15/03/1990" },
        { "date input", "{}", "sem data", Invalid, "5/3/1990", "05/03/1990" },
        { "date input", """{"format":"yyyy-MM-dd"}""", "not a date", Invalid, "03/15/1990", "1990-03-15" },
        { "date input", """{"hasTime":true}""", "nunca", Invalid, "15/03/1990 14:30", "15/03/1990 14:30" },
        { "time input", "{}", "25:00", Invalid, "9:05", "09:05" },
        { "rating input", """{"length":5}""", "6", Invalid, "4", "4" },
        { "file input", "{}", "not-a-url", Invalid, "https://files.example.com/cv.pdf", "https://files.example.com/cv.pdf" },
        { "file input", """{"allowedFileTypes":{"isEnabled":true,"types":[".pdf"]}}""", "https://files.example.com/a.png", Invalid, "https://files.example.com/a.pdf", "https://files.example.com/a.pdf" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Input_rejects_with_retry_message_then_accepts_and_saves_normalised(
        string type, string options, string rejected, string retry, string accepted, string saved)
    {
        var run = await EngineRun.StartAsync(OneInputFlow(Blocks.Input("ask", type, "Answer", JsonNode.Parse(options)!.AsObject())));
        run.InputType.ShouldBe(type);

        await run.ReplyAsync(rejected);
        run.Texts.ShouldBe([retry]);
        run.Last.Messages[0]["id"]!.GetValue<string>().ShouldBe("ask");
        run.InputType.ShouldBe(type);
        run.Variable("Answer").ShouldBeNull();

        await run.ReplyAsync(accepted);
        run.Texts.ShouldBe([$"Saved {saved}"]);
        run.Variable("Answer").ShouldBe(saved);
        run.Last.IsEndOfFlow.ShouldBeTrue();
    }

    [Fact]
    public async Task Text_input_accepts_any_text()
    {
        var run = await EngineRun.StartAsync(OneInputFlow(Blocks.Input("ask", "text input", "Answer")));

        await run.ReplyAsync("  qualquer coisa 123 ");

        run.Variable("Answer").ShouldBe("  qualquer coisa 123 ");
    }

    [Fact]
    public async Task Single_choice_matches_content_case_sensitively_by_value_and_by_reply_id()
    {
        var choice = Blocks.ChoiceItems("ask", "Answer", false,
            new JsonObject { ["id"] = "m", ["content"] = "Male" },
            new JsonObject { ["id"] = "f", ["content"] = "Female", ["value"] = "F" });
        var run = await EngineRun.StartAsync(OneInputFlow(choice));

        await run.ReplyAsync("male");
        run.Texts.ShouldBe([Invalid]);
        await run.ReplyAsync("2");
        run.Texts.ShouldBe([Invalid]);
        await run.ReplyAsync(" Female ");
        run.Variable("Answer").ShouldBe("F");

        var byId = await EngineRun.StartAsync(OneInputFlow(choice.DeepClone().AsObject()));
        await byId.ReplyAsync(new ChatReply("text", "anything", ReplyId: "m"));
        byId.Variable("Answer").ShouldBe("Male");
    }

    [Fact]
    public async Task Multiple_choice_matches_indexes_and_contents_case_insensitively()
    {
        var run = await EngineRun.StartAsync(OneInputFlow(Blocks.Choice("ask", "Answer", true, "Manhãs", "Tardes", "Noites")));

        await run.ReplyAsync("nada");
        run.Texts.ShouldBe([Invalid]);
        await run.ReplyAsync("noites e 1");

        run.Variable("Answer").ShouldBe("Manhãs, Noites");
    }

    [Fact]
    public async Task Choice_item_edge_beats_the_block_edge()
    {
        var flow = new FlowBuilder().Variables("Answer")
            .Group("g1", "Ask", Blocks.Choice("ask", "Answer", false, "Yes", "No"))
            .Group("g_yes", "Yes", Blocks.Text("t_yes", "Took yes"))
            .Group("g_default", "Default", Blocks.Text("t_default", "Took default"))
            .Edge("ask", "g_yes", itemId: "ask_item0")
            .Edge("ask", "g_default")
            .Build();

        (await (await EngineRun.StartAsync(flow)).ReplyAsync("Yes")).Texts.ShouldBe(["Took yes"]);
        (await (await EngineRun.StartAsync(flow)).ReplyAsync("No")).Texts.ShouldBe(["Took default"]);
    }

    [Fact]
    public async Task Hidden_items_and_dynamic_items_follow_their_variables()
    {
        var hidden = new JsonObject
        {
            ["id"] = "h",
            ["content"] = "Hidden",
            ["displayCondition"] = new JsonObject
            {
                ["isEnabled"] = true,
                ["condition"] = new JsonObject { ["comparisons"] = new JsonArray(Blocks.Comparison("Show", "Equal to", "yes")) },
            },
        };
        var flow = new FlowBuilder().Variables("Answer", "Show")
            .Group("g1", "Ask", Blocks.ChoiceItems("ask", "Answer", false, new JsonObject { ["id"] = "v", ["content"] = "Visible {{Show}}" }, hidden))
            .Build();

        var run = await EngineRun.StartAsync(flow, new { Show = "no" });
        run.Last.Input!["items"]!.AsArray().Select(i => i!["content"]!.GetValue<string>()).ShouldBe(["Visible no"]);
        await run.ReplyAsync("Hidden");
        run.Texts.ShouldBe([Invalid]);

        var dynamicFlow = new FlowBuilder().Variables("Answer").Variable("Options", new JsonArray("A", "B", "A"))
            .Group("g1", "Ask", Blocks.Input("ask", "choice input", "Answer", new JsonObject { ["dynamicVariableId"] = FlowBuilder.VariableId("Options") }))
            .Build();
        var dynamicRun = await EngineRun.StartAsync(dynamicFlow);
        dynamicRun.Last.Input!["items"]!.AsArray().Select(i => i!["content"]!.GetValue<string>()).ShouldBe(["A", "B"]);
        await dynamicRun.ReplyAsync("B");
        dynamicRun.Variable("Answer").ShouldBe("B");
    }

    [Fact]
    public async Task Flow_invalid_message_setting_replaces_the_default()
    {
        var flow = new FlowBuilder().Variables("Answer")
            .Settings(JsonNode.Parse("""{"general":{"systemMessages":{"invalidMessage":"Resposta inválida"}}}""")!.AsObject())
            .Group("g1", "Ask", Blocks.Input("ask", "number input", "Answer"))
            .Build();
        var run = await EngineRun.StartAsync(flow);

        await run.ReplyAsync("dez");

        run.Texts.ShouldBe(["Resposta inválida"]);
    }

    [Fact]
    public async Task Input_saving_into_a_list_variable_appends()
    {
        var flow = new FlowBuilder().Variable("Answer", new JsonArray("first"))
            .Group("g1", "Ask", Blocks.Input("ask", "text input", "Answer"))
            .Build();
        var run = await EngineRun.StartAsync(flow);

        await run.ReplyAsync("second");

        run.Variable("Answer").ShouldBe("""["first","second"]""");
    }

    private static string OneInputFlow(JsonObject input) =>
        new FlowBuilder().Variables("Answer")
            .Group("g1", "Ask", input, Blocks.Text("saved", "Saved {{Answer}}"))
            .Build();
}
