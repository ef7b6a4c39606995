using System.Text.Json.Nodes;
using Onboarding.Api.Flows.Check;
using Onboarding.Api.Tests.Flows.Check;

namespace Onboarding.Api.Tests.Flows;

/// <summary>
/// The shipped flow against POST /register_driver_typebot, through the product's checker: the contract rules read
/// the endpoint's own request and response types, so a change on either side shows up here.
/// </summary>
public sealed class FlowContractTests
{
    [Theory]
    [InlineData(ShippedFlow.Portuguese)]
    [InlineData(ShippedFlow.English)]
    public void The_shipped_flows_fit_the_register_driver_endpoint(string file)
    {
        var contract = FlowChecker.Check(ShippedFlow.Json(file)).Findings
            .Where(f => f.Rule.StartsWith("api-", StringComparison.Ordinal) || f.Rule.StartsWith("variable-", StringComparison.Ordinal) || f.Rule == "secret-in-flow");

        contract.ShouldBeEmpty();
    }

    [Fact]
    public void Allowed_body_paths_come_from_the_response_records()
    {
        string[] known = ["statusCode", "data", "data.ok", "data.driver_id", "data.status", "data.created", "data.message", "data.errors", "data.first_error_field", "data.errors[0]", "data.errors[0].field", "data.errors[1].code"];
        string[] unknown = ["data.driverId", "data.DriverId", "data.first_error", "data.errors[0].nope", "data.driver_id.version", "data.message.length", "status", "data.errors.map(e => e.field)", ""];

        known.ShouldAllBe(p => ResponseBodyPaths.IsKnown(p));
        unknown.ShouldAllBe(p => !ResponseBodyPaths.IsKnown(p));
    }

    [Fact]
    public void The_shipped_flow_uses_variables_in_texts_urls_and_body()
    {
        // Guards the reference scanner itself: if it found nothing, the undeclared-variable check would pass vacuously.
        var references = VariableUse.Names(JsonNode.Parse(ShippedFlow.Json())).ToHashSet();
        string[] expected = ["privacy_notice_version", "onboarding_api_url", "phone", "result_id", "api_message"];
        expected.ShouldBeSubsetOf(references);
    }

    public static TheoryData<string, string> Mutations() => new()
    {
        { "body path camelCase", "response mapping \"data.driverId\" reads nothing the endpoint answers (did you mean \"data.driver_id\"?)" },
        { "undeclared variable in url", "{{api_url}} is used but no variable \"api_url\" is declared" },
        { "undeclared variable in body", "{{nif_number}} is used but no variable \"nif_number\" is declared" },
        { "undeclared variable in condition", "{{expected_status}} is used but no variable \"expected_status\" is declared" },
        { "variable declaration removed", "the block refers to variable id \"v_fixing\", which is not declared" },
        { "variable name with spaces", "{{ nif }} is used but no variable \" nif \" is declared" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Each_contract_check_reports_a_broken_copy(string mutation, string expectedProblem)
    {
        var root = ShippedFlow.Copy();
        Mutate(root, mutation);

        var findings = FlowChecker.Check(root.ToJsonString()).Findings;

        findings.ShouldContain(f => f.Severity == FindingSeverity.Error && f.Message.Contains(expectedProblem, StringComparison.Ordinal),
            string.Join("\n", findings.Select(f => f.Message)));
    }

    [Fact]
    public void The_endpoint_reads_member_names_in_any_case_and_numbers_or_lists_as_text()
    {
        var root = ShippedFlow.Copy();
        ShippedFlow.EditBody(root, "\"phone\":", "\"Phone\":");
        ShippedFlow.EditBody(root, "\"licence_categories\": \"{{licence_categories}}\"", "\"licence_categories\": {{licence_categories}}");
        ShippedFlow.EditBody(root, "\"privacy_accepted\": \"{{privacy_accepted}}\"", "\"privacy_accepted\": true");
        ShippedFlow.EditBody(root, "\"availability\": \"{{availability}}\"", "\"availability\": [\"Manhãs\", 2]");

        var findings = FlowChecker.Check(root.ToJsonString()).Findings;

        findings.ShouldNotContain(f => f.Rule.StartsWith("api-body-", StringComparison.Ordinal), string.Join("\n", findings.Select(f => f.Message)));
    }

    private static void Mutate(JsonObject root, string mutation)
    {
        var webhook = ShippedFlow.Webhook(root);
        switch (mutation)
        {
            case "body path camelCase":
                ShippedFlow.Mapping(root, "m_driver_id")["bodyPath"] = "data.driverId";
                break;
            case "undeclared variable in url":
                webhook["url"] = "{{api_url}}/register_driver_typebot";
                break;
            case "undeclared variable in body":
                ShippedFlow.EditBody(root, "{{nif}}", "{{nif_number}}");
                break;
            case "undeclared variable in condition":
                ShippedFlow.Block(root, "b_route")["items"]![1]!["content"]!["comparisons"]![0]!["value"] = "{{expected_status}}";
                break;
            case "variable declaration removed":
                var variables = root["variables"]!.AsArray();
                variables.Remove(variables.Single(v => v!["id"]!.GetValue<string>() == "v_fixing"));
                break;
            case "variable name with spaces":
                ShippedFlow.EditBody(root, "{{nif}}", "{{ nif }}");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }
    }
}
