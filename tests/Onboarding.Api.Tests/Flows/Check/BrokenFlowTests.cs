using System.Text.Json.Nodes;
using Onboarding.Api.Flows.Check;

namespace Onboarding.Api.Tests.Flows.Check;

/// <summary>One deliberately broken copy of the shipped flow per rule, each caught with its rule code and severity.</summary>
public sealed class BrokenFlowTests
{
    public static TheoryData<string, string, FindingSeverity, string?> Breakages() => new()
    {
        { "unsupported version", "schema-version", FindingSeverity.Error, null },
        { "start event removed", "flow-format", FindingSeverity.Error, null },
        { "registration request removed", "api-not-called", FindingSeverity.Warning, null },
        { "wrong method", "api-method", FindingSeverity.Error, "Enviar candidatura" },
        { "api key header removed", "api-key-missing", FindingSeverity.Error, "Enviar candidatura" },
        { "literal api key", "secret-in-flow", FindingSeverity.Error, "Enviar candidatura" },
        { "api key from a variable", "api-key-variable", FindingSeverity.Error, "Enviar candidatura" },
        { "hard-coded url", "api-url-hardcoded", FindingSeverity.Warning, "Enviar candidatura" },
        { "required body key removed", "api-body-missing-required", FindingSeverity.Error, "Enviar candidatura" },
        { "unknown body key", "api-body-unknown-key", FindingSeverity.Warning, "Enviar candidatura" },
        { "constant of the wrong json type", "api-body-wrong-type", FindingSeverity.Error, "Enviar candidatura" },
        { "body not json", "api-body-not-json", FindingSeverity.Error, "Enviar candidatura" },
        { "default body", "api-body-default", FindingSeverity.Warning, "Enviar candidatura" },
        { "body from one variable", "api-body-variable", FindingSeverity.Info, "Enviar candidatura" },
        { "unknown response field", "api-response-unknown-field", FindingSeverity.Error, "Enviar candidatura" },
        { "undeclared variable", "variable-undeclared", FindingSeverity.Error, "Registado" },
        { "variable never set", "variable-never-set", FindingSeverity.Warning, null },
        { "unreachable group", "group-unreachable", FindingSeverity.Warning, "Esquecido" },
        { "input without outgoing edge", "input-dead-end", FindingSeverity.Error, "Nome completo" },
        { "unknown block type", "block-unknown", FindingSeverity.Error, "Enviar candidatura" },
        { "block the emulator skips", "block-skipped", FindingSeverity.Warning, "Enviar candidatura" },
        { "5000-character text bubble", "whatsapp-text-too-long", FindingSeverity.Error, "Registado" },
        { "12 choice items", "whatsapp-too-many-choices", FindingSeverity.Warning, "Veículo" },
        { "choice label over 100 characters", "whatsapp-label-too-long", FindingSeverity.Warning, "Veículo" },
        { "bearer token in a header", "secret-in-flow", FindingSeverity.Error, "Enviar candidatura" },
        { "api_key in the url query", "secret-in-flow", FindingSeverity.Error, "Enviar candidatura" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Each_rule_catches_its_broken_copy(string breakage, string rule, FindingSeverity severity, string? group)
    {
        var root = ShippedFlow.Copy();
        Break(root, breakage);

        var report = FlowChecker.Check(root.ToJsonString());

        var all = string.Join("\n", report.Findings.Select(f => $"{f.Severity} [{f.Rule}] {f.Message}"));
        var finding = report.Findings.FirstOrDefault(f => f.Rule == rule && f.Group == group).ShouldNotBeNull(all);
        finding.Severity.ShouldBe(severity, all);
        if (group is not null)
        {
            finding.Message.ShouldStartWith($"group \"{group}\"");
        }
    }

    [Fact]
    public void A_file_that_is_not_json_is_one_error()
    {
        var report = FlowChecker.Check(ShippedFlow.Json()[..500]);

        var finding = report.Findings.ShouldHaveSingleItem();
        (finding.Rule, finding.Severity).ShouldBe(("flow-not-json", FindingSeverity.Error));
        finding.Message.ShouldStartWith("the file is not valid JSON");
        report.Verdict.ShouldBe(FlowVerdict.Error);
    }

    [Fact]
    public void A_string_with_half_an_emoji_is_one_error_not_a_crash()
    {
        var json = ShippedFlow.Json();
        var at = json.IndexOf("\"Distrito\"", StringComparison.Ordinal) + 1;

        var report = FlowChecker.Check(json[..at] + "\\ud83d" + json[at..]);

        var finding = report.Findings.ShouldHaveSingleItem();
        (finding.Rule, finding.Severity).ShouldBe(("flow-not-json", FindingSeverity.Error));
        finding.Message.ShouldContain("surrogate");
    }

    [Fact]
    public void A_pasted_key_is_never_echoed_whole()
    {
        var root = ShippedFlow.Copy();
        Break(root, "literal api key");
        Break(root, "bearer token in a header");

        var messages = FlowChecker.Check(root.ToJsonString()).Findings.Select(f => f.Message).ToList();

        messages.ShouldAllBe(m => !m.Contains("9f3K2mQ7xL") && !m.Contains("Zt8pW4rV1n"));
        messages.ShouldContain(m => m.Contains("\"9f3K…\""));
    }

    private static void Break(JsonObject root, string breakage)
    {
        var webhook = ShippedFlow.Webhook(root);
        switch (breakage)
        {
            case "unsupported version":
                root["version"] = "5.0";
                break;
            case "start event removed":
                root["events"] = new JsonArray();
                break;
            case "registration request removed":
                webhook["url"] = "{{onboarding_api_url}}/register_driver";
                break;
            case "wrong method":
                webhook["method"] = "GET";
                break;
            case "api key header removed":
                webhook["headers"]!.AsArray().Remove(ShippedFlow.Header(root, "X-Api-Key"));
                break;
            case "literal api key":
                ShippedFlow.Header(root, "X-Api-Key")["value"] = "9f3K2mQ7xL5vR8tY1wB4";
                break;
            case "api key from a variable":
                ShippedFlow.Header(root, "X-Api-Key")["value"] = "{{wa_chat_id}}";
                break;
            case "hard-coded url":
                webhook["url"] = "https://onboarding.example.pt/register_driver_typebot";
                break;
            case "required body key removed":
                ShippedFlow.EditBody(root, "  \"phone\": \"{{phone}}\",\n", "");
                break;
            case "unknown body key":
                ShippedFlow.EditBody(root, "\"nif\":", "\"vat_number\": \"{{nif}}\",\n  \"nif\":");
                break;
            case "constant of the wrong json type":
                ShippedFlow.EditBody(root, "\"privacy_accepted\": \"{{privacy_accepted}}\"", "\"privacy_accepted\": {\"value\": true}");
                break;
            case "body not json":
                ShippedFlow.EditBody(root, "\"wa_chat_id\": \"{{wa_chat_id}}\"\n}", "\"wa_chat_id\": \"{{wa_chat_id}}\"");
                break;
            case "default body":
                ShippedFlow.Block(root, "b_register")["options"]!["isCustomBody"] = false;
                break;
            case "body from one variable":
                webhook["body"] = "{{api_message}}";
                break;
            case "unknown response field":
                ShippedFlow.Mapping(root, "m_first_error_field")["bodyPath"] = "data.first_error";
                break;
            case "undeclared variable":
                ShippedFlow.Group(root, "g_registered")["blocks"]!.AsArray()[0] = ShippedFlow.TextBubble("b_registered", "{{api_message}} {{driver_name}}");
                break;
            case "variable never set":
                root["variables"]!.AsArray().Add(new JsonObject { ["id"] = "v_referral", ["name"] = "referral_code" });
                break;
            case "unreachable group":
                ShippedFlow.Groups(root).Add(new JsonObject
                {
                    ["id"] = "g_forgotten",
                    ["title"] = "Esquecido",
                    ["blocks"] = new JsonArray(ShippedFlow.TextBubble("b_forgotten", "Ninguém chega aqui.")),
                });
                break;
            case "input without outgoing edge":
                // The Condition after the name input is what leads on; without it the input ends the group.
                ShippedFlow.Group(root, "g_full_name")["blocks"]!.AsArray().RemoveAt(2);
                break;
            case "unknown block type":
                ShippedFlow.Group(root, "g_submit")["blocks"]!.AsArray().Insert(0, new JsonObject { ["id"] = "b_odd", ["type"] = "Carousel" });
                break;
            case "block the emulator skips":
                ShippedFlow.Group(root, "g_submit")["blocks"]!.AsArray().Insert(0, new JsonObject
                {
                    ["id"] = "b_sheet",
                    ["type"] = "Google Sheets",
                    ["options"] = new JsonObject { ["action"] = "Insert a row" },
                });
                break;
            case "5000-character text bubble":
                ShippedFlow.Group(root, "g_registered")["blocks"]!.AsArray()[0] = ShippedFlow.TextBubble("b_registered", new string('a', 5000));
                break;
            case "12 choice items":
                var items = ShippedFlow.Block(root, "b_vehicle_type_input")["items"]!.AsArray();
                for (var i = items.Count; i < 12; i++)
                {
                    items.Add(new JsonObject { ["id"] = $"i_vehicle_extra_{i}", ["content"] = $"Veículo {i}", ["value"] = $"extra_{i}" });
                }

                break;
            case "choice label over 100 characters":
                ShippedFlow.Block(root, "b_vehicle_type_input")["items"]![0]!["content"] = "Bicicleta " + new string('x', 100);
                break;
            case "bearer token in a header":
                webhook["headers"]!.AsArray().Add(new JsonObject { ["id"] = "h_auth", ["key"] = "Authorization", ["value"] = "Bearer Zt8pW4rV1nQ6sK3mX9cJ" });
                break;
            case "api_key in the url query":
                webhook["url"] = "{{onboarding_api_url}}/register_driver_typebot?api_key=abc123";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }
}
