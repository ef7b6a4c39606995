using System.Text.Json.Nodes;
using Onboarding.Api.Flows.Check;
using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Tests.Flows.Check;

/// <summary>The flow we ship, and Typebot's own files, through the checker as an operator would run it.</summary>
public sealed class ShippedFlowCheckTests
{
    [Theory]
    [InlineData(ShippedFlow.Portuguese)]
    [InlineData(ShippedFlow.English)]
    public void The_shipped_flows_have_no_errors_and_only_the_accepted_district_list_warning(string file)
    {
        var report = FlowChecker.Check(ShippedFlow.Json(file));

        // Accepted: 20 districts exceed the 10-choice guideline, and the bridge renders them as a numbered list
        // (typebot-flows/README.md, "WhatsApp rendering"); splitting Portugal's districts would only add a question.
        var finding = report.Findings.ShouldHaveSingleItem();
        finding.ShouldBe(new FlowFinding(FindingSeverity.Warning, "whatsapp-too-many-choices",
            "group \"Distrito\", block 2 (choice input): 20 choices in one question make a numbered list of 20 lines on a phone; keep to 10 or split the question",
            "Distrito", "2 (choice input)"));
        report.Errors.ShouldBe(0);
        report.Verdict.ShouldBe(FlowVerdict.Warning);
    }

    [Theory]
    [InlineData("lead-gen.json")]
    [InlineData("webhook.json")]
    [InlineData("chat-main.json")]
    public void Typebots_own_flows_are_sound_but_never_register_a_driver(string fixture)
    {
        // Every variable is set by an input, a Set variable or a response mapping; every group is reached; every
        // input leads on; every block type runs in the emulator; no header holds a key. They call other APIs.
        var report = FlowChecker.Check(ShippedFlow.Fixture(fixture));

        var finding = report.Findings.ShouldHaveSingleItem();
        (finding.Severity, finding.Rule, finding.Group).ShouldBe((FindingSeverity.Warning, "api-not-called", (string?)null));
        report.Verdict.ShouldBe(FlowVerdict.Warning);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("6.1")]
    [InlineData("6.0")]
    [InlineData("5")]
    [InlineData("5.0")]
    [InlineData("7")]
    [InlineData("")]
    public void Supported_versions_are_exactly_those_the_sandbox_parser_reads(string version)
    {
        var root = ShippedFlow.Copy();
        root["version"] = version;
        var json = root.ToJsonString();
        var parserAccepts = true;
        try
        {
            FlowParser.Parse(json);
        }
        catch (FlowFormatException)
        {
            parserAccepts = false;
        }

        FlowChecker.Check(json).Findings.Any(f => f.Rule == "schema-version").ShouldBe(!parserAccepts);
    }

    [Fact]
    public void A_block_is_named_by_its_group_title_its_position_and_the_start_of_its_text()
    {
        var root = ShippedFlow.Copy();
        ShippedFlow.Group(root, "g_submit")["blocks"]!.AsArray().Insert(0, new JsonObject { ["id"] = "b_odd", ["type"] = "Carousel" });
        ShippedFlow.Group(root, "g_registered")["blocks"]!.AsArray()[0] = ShippedFlow.TextBubble("b_long", "Obrigado pela sua candidatura! " + new string('x', 5000));

        var findings = FlowChecker.Check(root.ToJsonString()).Findings;

        findings.Single(f => f.Rule == "block-unknown").Message.ShouldStartWith("group \"Enviar candidatura\", block 1 (Carousel): ");
        var text = findings.Single(f => f.Rule == "whatsapp-text-too-long");
        (text.Group, text.Block).ShouldBe(("Registado", "1 (text \"Obrigado pela sua candidatura!…\")"));
    }
}
