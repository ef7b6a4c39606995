using System.Text.Json.Nodes;
using Onboarding.Sandbox.Tests.Typebot.Support;

namespace Onboarding.Sandbox.Tests.Typebot;

/// <summary>Every comparison operator of the Condition block, with Typebot's semantics, and the Else path.</summary>
public sealed class ConditionTests
{
    public static TheoryData<string, string?, string?, bool> Comparisons => new()
    {
        // operator, variable value (JSON, null = unset), compared value, matches
        { "Equal to", "\"abc\"", "abc", true },
        { "Equal to", "\"abc\"", "ABC", false },
        { "Equal to", "\"Ana\"", "{{Other}}", true },
        { "Not equal", "\"a\"", "b", true },
        { "Not equal", "\"a\"", "a", false },
        { "Contains", "\"Hello World\"", " world ", true },
        { "Contains", "[\"a\",\"b\"]", "b", true },
        { "Contains", "\"Hello\"", "", false },
        { "Does not contain", "\"Hello\"", "xyz", true },
        { "Does not contain", "\"Hello\"", "ELL", false },
        { "Greater than", "\"10\"", "9", true },
        { "Greater than", "\"2026-01-02\"", "2026-01-01", true },
        { "Greater than", "\"abc\"", "ab", true },
        { "Greater than", null, "1", false },
        { "Greater or equal to", "\"5\"", "5", true },
        { "Less than", "\"3\"", "20", true },
        { "Less than", "\"201\"", "200", false },
        { "Less or equal to", "\"20\"", "20", true },
        { "Is set", "\"x\"", null, true },
        { "Is set", "\"\"", null, false },
        { "Is set", null, null, false },
        { "Is empty", null, null, true },
        { "Is empty", "\"x\"", null, false },
        { "Starts with", "\"Portugal\"", "port", true },
        { "Starts with", "\"Portugal\"", "gal", false },
        { "Ends with", "\"Lisboa\"", "BOA", true },
        { "Matches regex", "\"PT-11\"", "^PT-\\d{2}$", true },
        { "Matches regex", "\"pt-11\"", "/^PT-\\d{2}$/i", true },
        { "Matches regex", "\"PT-1\"", "^PT-\\d{2}$", false },
        { "Does not match regex", "\"abc\"", "^\\d+$", true },
        { "Does not match regex", "\"123\"", "^\\d+$", false },
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public async Task Comparison_operator_selects_the_item_or_the_else_path(string op, string? value, string? compared, bool matches)
    {
        var flow = BranchFlow(Blocks.ConditionItem("yes", "AND", Blocks.Comparison("X", op, compared)));
        var prefilled = new JsonObject { ["Other"] = "Ana" };
        if (value is not null)
        {
            prefilled["X"] = JsonNode.Parse(value);
        }

        var run = await EngineRun.StartAsync(flow, prefilled);

        run.Texts.ShouldBe([matches ? "matched" : "else"]);
    }

    [Theory]
    [InlineData("AND", "a", "b", false)]
    [InlineData("AND", "a", "a", true)]
    [InlineData("OR", "a", "b", true)]
    public async Task Comparisons_join_with_the_logical_operator(string logical, string x, string y, bool matches)
    {
        var flow = BranchFlow(Blocks.ConditionItem("yes", logical, Blocks.Comparison("X", "Equal to", "a"), Blocks.Comparison("Y", "Equal to", "a")));

        var run = await EngineRun.StartAsync(flow, new { X = x, Y = y });

        run.Texts.ShouldBe([matches ? "matched" : "else"]);
    }

    [Fact]
    public async Task First_matching_item_wins_and_a_match_without_edge_ends_the_walk()
    {
        var flow = new FlowBuilder().Variables("X")
            .Group("g1", "Check",
                Blocks.Condition("cond",
                    Blocks.ConditionItem("first", "AND", Blocks.Comparison("X", "Is set")),
                    Blocks.ConditionItem("second", "AND", Blocks.Comparison("X", "Equal to", "a"))),
                Blocks.Text("after", "next block"))
            .Group("g_second", "Second", Blocks.Text("t2", "second"))
            .Edge("cond", "g_second", itemId: "second")
            .Build();

        (await EngineRun.StartAsync(flow, new { X = "a" })).Last.Messages.ShouldBeEmpty();
        // No match and no Else edge: the walk continues with the next block in the group.
        (await EngineRun.StartAsync(flow)).Texts.ShouldBe(["next block"]);
    }

    private static string BranchFlow(JsonObject item) =>
        new FlowBuilder().Variables("X", "Y", "Other")
            .Group("g1", "Check", Blocks.Condition("cond", item))
            .Group("g_yes", "Yes", Blocks.Text("t_yes", "matched"))
            .Group("g_else", "Else", Blocks.Text("t_else", "else"))
            .Edge("cond", "g_yes", itemId: item["id"]!.GetValue<string>())
            .Edge("cond", "g_else")
            .Build();
}
