using System.Text.Json.Nodes;
using Onboarding.Sandbox.Tests.Typebot.Support;

namespace Onboarding.Sandbox.Tests.Typebot;

/// <summary>The HTTP request block: substitution, response mapping for every status, failures that never stop the flow.</summary>
public sealed class HttpRequestBlockTests
{
    [Fact]
    public async Task Error_status_is_mapped_and_the_flow_continues()
    {
        await using var api = await LoopbackStub.StartAsync(_ => (422, """{"ok":false,"errors":[{"field":"nif"}],"first_error_field":"nif"}"""));
        var run = await EngineRun.StartAsync(Flow(api.BaseUrl, """{"nif":"{{Nif}}"}""", ("Status", "statusCode"), ("Field", "data.first_error_field"), ("First", "data.errors[0]"), ("Whole", "data")));

        run.Texts.ShouldBe(["after"]);
        run.Variable("Status").ShouldBe("422");
        run.Variable("Field").ShouldBe("nif");
        run.Variable("First").ShouldBe("""{"field":"nif"}""");
        run.Variable("Whole").ShouldBe("""{"ok":false,"errors":[{"field":"nif"}],"first_error_field":"nif"}""");
    }

    [Fact]
    public async Task Missing_paths_clear_the_variable_and_throwing_paths_leave_it_unchanged()
    {
        await using var api = await LoopbackStub.StartAsync(_ => (200, """{"ok":true}"""));
        var run = await EngineRun.StartAsync(
            Flow(api.BaseUrl, "{}", ("Field", "data.first_error_field"), ("First", "data.errors[0].field")),
            new { Field = "old", First = "kept" });

        run.Variable("Field").ShouldBeNull();
        run.Variable("First").ShouldBe("kept");
    }

    [Fact]
    public async Task Unreachable_url_maps_status_500_and_continues()
    {
        var run = await EngineRun.StartAsync(Flow("http://127.0.0.1:1", "{}", ("Status", "statusCode"), ("Whole", "data.description")));

        run.Texts.ShouldBe(["after"]);
        run.Variable("Status").ShouldBe("500");
        run.Variable("Whole").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Slow_endpoint_times_out_with_status_408()
    {
        // The endpoint answers only once the test lets it, after the run: the 1 s timeout always comes first.
        using var answer = new ManualResetEventSlim();
        await using var api = await LoopbackStub.StartAsync(_ =>
        {
            answer.Wait(TestContext.Current.CancellationToken);
            return (200, "{}");
        });
        var flow = Flow(api.BaseUrl, "{}", ("Status", "statusCode"), ("Whole", "data.message")).Replace("\"isCustomBody\":true", "\"isCustomBody\":true,\"timeout\":1", StringComparison.Ordinal);

        try
        {
            var run = await EngineRun.StartAsync(flow);

            run.Variable("Status").ShouldBe("408");
            run.Variable("Whole").ShouldBe("Request timed out. (1s)");
        }
        finally
        {
            answer.Set();
        }
    }

    [Fact]
    public async Task Json_body_escapes_strings_and_an_unset_unquoted_variable_sends_raw_text()
    {
        await using var api = await LoopbackStub.StartAsync(r => (200, r.Body));
        var run = await EngineRun.StartAsync(
            Flow(api.BaseUrl, """{"name":"{{Nif}}","age":{{Age}}}""", ("Whole", "data")),
            new { Nif = "linha 1\nlinha \"2\"" });

        // "age": , is not JSON, so Typebot sends the text as it is.
        run.Variable("Whole").ShouldBe("{\"name\":\"linha 1\\nlinha \\\"2\\\"\",\"age\":}");
    }

    [Fact]
    public async Task Default_body_holds_answers_and_variables()
    {
        await using var api = await LoopbackStub.StartAsync(r => (200, r.Body));
        var flow = Flow(api.BaseUrl, "", ("Whole", "data")).Replace("\"isCustomBody\":true", "\"isCustomBody\":false", StringComparison.Ordinal);

        var run = await EngineRun.StartAsync(flow, new { Nif = "123456789" });

        var body = JsonNode.Parse(run.Variable("Whole")!)!;
        body["Nif"]!.GetValue<string>().ShouldBe("123456789");
        body["submittedAt"].ShouldNotBeNull();
    }

    private static string Flow(string baseUrl, string body, params (string Variable, string Path)[] mappings)
    {
        var webhook = new JsonObject
        {
            ["id"] = "http",
            ["type"] = "Webhook",
            ["options"] = new JsonObject
            {
                ["isCustomBody"] = true,
                ["webhook"] = new JsonObject { ["method"] = "POST", ["url"] = baseUrl + "/register", ["body"] = body },
                ["responseVariableMapping"] = new JsonArray(mappings.Select((m, i) => (JsonNode)new JsonObject
                {
                    ["id"] = $"m{i}",
                    ["variableId"] = FlowBuilder.VariableId(m.Variable),
                    ["bodyPath"] = m.Path,
                }).ToArray()),
            },
        };
        return new FlowBuilder().Variables("Nif", "Age", "Status", "Field", "First", "Whole")
            .Group("g1", "G", webhook, Blocks.Text("t", "after"))
            .Build();
    }
}
