using System.Text.Json.Nodes;

namespace Onboarding.Api.Tests.Flows;

/// <summary>The shipped flow against the endpoint's contract, and the checker against broken copies of it.</summary>
public sealed class FlowContractTests
{
    public static string ShippedFlow() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "typebot-flows", "driver-onboarding.json"));

    [Fact]
    public void The_shipped_flow_fits_the_register_driver_endpoint()
    {
        FlowContract.Check(ShippedFlow()).ShouldBeEmpty();
    }

    [Fact]
    public void Allowed_body_paths_come_from_the_response_records()
    {
        string[] expected = ["statusCode", "data.ok", "data.driver_id", "data.status", "data.created", "data.message", "data.errors", "data.first_error_field"];
        expected.ShouldBeSubsetOf(FlowContract.AllowedBodyPaths);
        FlowContract.AllowedBodyPaths.ShouldNotContain("data.driverId");
        FlowContract.AllowedBodyPaths.ShouldNotContain("data.DriverId");
    }

    [Fact]
    public void The_shipped_flow_uses_variables_in_texts_urls_and_body()
    {
        // Guards the reference scanner itself: if it found nothing, the undeclared-variable check would pass vacuously.
        var references = FlowContract.VariableReferences(JsonNode.Parse(ShippedFlow())).ToHashSet();
        string[] expected = ["privacy_notice_version", "onboarding_api_url", "phone", "result_id", "api_message"];
        expected.ShouldBeSubsetOf(references);
    }

    public static TheoryData<string, string> Mutations() => new()
    {
        { "version 5", "flow version is '5.0'" },
        { "second webhook", "exactly one HTTP request block (type Webhook), found 2" },
        { "url renamed", "posting to a URL ending in /register_driver_typebot, found 0" },
        { "method GET", "uses method 'GET'" },
        { "api key header removed", "has no X-Api-Key header" },
        { "real api key", "X-Api-Key header value is not the placeholder" },
        { "body key renamed", "body key 'vat_number' is not read" },
        { "required field removed", "required field 'phone' is missing" },
        { "body not json", "body is not a JSON object" },
        { "body path camelCase", "bodyPath 'data.driverId'" },
        { "body path unknown member", "bodyPath 'data.first_error'" },
        { "undeclared variable in text", "variable {{driver_name}} is used but not declared" },
        { "undeclared variable in url", "variable {{api_url}} is used but not declared" },
        { "undeclared variable in body", "variable {{nif_number}} is used but not declared" },
        { "undeclared variable in condition", "variable {{expected_status}} is used but not declared" },
        { "variable declaration removed", "variableId 'v_fixing' is referenced but not declared" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Each_check_reports_a_broken_copy(string mutation, string expectedProblem)
    {
        var root = JsonNode.Parse(ShippedFlow())!.AsObject();
        Mutate(root, mutation);

        var problems = FlowContract.Check(root.ToJsonString());

        problems.ShouldContain(p => p.Contains(expectedProblem, StringComparison.Ordinal), string.Join("\n", problems));
    }

    private static void Mutate(JsonObject root, string mutation)
    {
        var block = Block(root, "b_register");
        var webhook = block["options"]!["webhook"]!.AsObject();
        var body = webhook["body"]!.GetValue<string>();
        switch (mutation)
        {
            case "version 5":
                root["version"] = "5.0";
                break;
            case "second webhook":
                var copy = block.DeepClone().AsObject();
                copy["id"] = "b_register_copy";
                copy["options"]!["webhook"]!["url"] = "https://example.pt/other";
                Group(root, "g_submit")["blocks"]!.AsArray().Add(copy);
                break;
            case "url renamed":
                webhook["url"] = "{{onboarding_api_url}}/register_driver";
                break;
            case "method GET":
                webhook["method"] = "GET";
                break;
            case "api key header removed":
                var headers = webhook["headers"]!.AsArray();
                headers.Remove(headers.Single(h => h!["key"]!.GetValue<string>() == "X-Api-Key"));
                break;
            case "real api key":
                webhook["headers"]!.AsArray().Single(h => h!["key"]!.GetValue<string>() == "X-Api-Key")!["value"] = "a1b2c3d4e5f6a7b8c9d0";
                break;
            case "body key renamed":
                webhook["body"] = Replace(body, "\"nif\":", "\"vat_number\":");
                break;
            case "required field removed":
                webhook["body"] = Replace(body, "  \"phone\": \"{{phone}}\",\n", "");
                break;
            case "body not json":
                webhook["body"] = body.TrimEnd().TrimEnd('}');
                break;
            case "body path camelCase":
                Mapping(block, "m_driver_id")["bodyPath"] = "data.driverId";
                break;
            case "body path unknown member":
                Mapping(block, "m_first_error_field")["bodyPath"] = "data.first_error";
                break;
            case "undeclared variable in text":
                Block(root, "b_registered")["content"]!["richText"]![0]!["children"]![0]!["text"] = "{{api_message}} {{driver_name}}";
                break;
            case "undeclared variable in url":
                webhook["url"] = "{{api_url}}/register_driver_typebot";
                break;
            case "undeclared variable in body":
                webhook["body"] = Replace(body, "{{nif}}", "{{nif_number}}");
                break;
            case "undeclared variable in condition":
                Block(root, "b_route")["items"]![1]!["content"]!["comparisons"]![0]!["value"] = "{{expected_status}}";
                break;
            case "variable declaration removed":
                var variables = root["variables"]!.AsArray();
                variables.Remove(variables.Single(v => v!["id"]!.GetValue<string>() == "v_fixing"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }
    }

    private static string Replace(string text, string from, string to)
    {
        text.ShouldContain(from);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private static JsonObject Group(JsonObject root, string id) =>
        root["groups"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == id)!.AsObject();

    private static JsonObject Block(JsonObject root, string id) =>
        root["groups"]!.AsArray().SelectMany(g => g!["blocks"]!.AsArray()).Single(b => b!["id"]!.GetValue<string>() == id)!.AsObject();

    private static JsonObject Mapping(JsonObject block, string id) =>
        block["options"]!["responseVariableMapping"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == id)!.AsObject();
}
