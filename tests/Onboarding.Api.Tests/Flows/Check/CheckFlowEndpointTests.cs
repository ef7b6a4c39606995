using System.Text.Json;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Flows.Check;

/// <summary>POST /api/flows/check through the real pipeline: staff key, raw body, the checker's report as JSON.</summary>
public sealed class CheckFlowEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private const string Route = "/api/flows/check";

    [Fact]
    public async Task The_shipped_flow_gets_a_warning_verdict_with_its_one_finding_in_snake_case()
    {
        var (status, body) = await Host.PostRawAsync(Route, ShippedFlow.Json(), "application/json", AppFixture.StaffKey);

        status.ShouldBe(200);
        body.GetProperty("verdict").GetString().ShouldBe("warning");
        body.GetProperty("errors").GetInt32().ShouldBe(0);
        body.GetProperty("warnings").GetInt32().ShouldBe(1);
        var finding = body.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        finding.GetProperty("severity").GetString().ShouldBe("warning");
        finding.GetProperty("rule").GetString().ShouldBe("whatsapp-too-many-choices");
        finding.GetProperty("group").GetString().ShouldBe("Distrito");
        finding.GetProperty("block").GetString().ShouldBe("2 (choice input)");
        finding.GetProperty("message").GetString().ShouldStartWith("group \"Distrito\", block 2 (choice input): 20 choices");
    }

    [Fact]
    public async Task A_broken_copy_gets_an_error_verdict_whatever_content_type_the_client_sends()
    {
        var root = ShippedFlow.Copy();
        ShippedFlow.Webhook(root)["method"] = "PUT";

        var (status, body) = await Host.PostRawAsync(Route, root.ToJsonString(), "text/plain", AppFixture.StaffKey);

        status.ShouldBe(200);
        body.GetProperty("verdict").GetString().ShouldBe("error");
        body.GetProperty("errors").GetInt32().ShouldBe(1);
        var rules = body.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("severity").GetString()));
        rules.ShouldContain(("api-method", "error"));
    }

    [Theory]
    [InlineData("{\"version\": \"6.1\", \"groups\": [")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("{\"version\": \"6.1\\ud83d\"}")]
    [InlineData("{\"\\udc00\": 1, \"version\": \"6.1\"}")]
    public async Task A_body_that_is_not_a_json_object_is_a_400_that_says_so(string text)
    {
        var (status, body) = await Host.PostRawAsync(Route, text, "application/json", AppFixture.StaffKey);

        status.ShouldBe(400);
        body.GetProperty("code").GetString().ShouldBe("body.malformed_json");
        body.GetProperty("detail").GetString().ShouldStartWith("The body must be a Typebot flow export (one JSON object): the file is");
    }

    [Fact]
    public async Task A_body_over_2_MiB_is_a_413_naming_the_limit()
    {
        var padding = new string(' ', (2 * 1024 * 1024) + 1 - 2);

        var (status, body) = await Host.PostRawAsync(Route, "{" + padding + "}", "application/json", AppFixture.StaffKey);

        status.ShouldBe(413);
        body.GetProperty("code").GetString().ShouldBe("body.too_large");
        body.GetProperty("detail").GetString().ShouldBe("The flow is larger than the 2 MiB limit (2097152 bytes).");
    }

    [Fact]
    public async Task A_body_of_exactly_2_MiB_is_checked()
    {
        var json = ShippedFlow.Json();
        var padded = json + new string(' ', (2 * 1024 * 1024) - System.Text.Encoding.UTF8.GetByteCount(json));

        var (status, _) = await Host.PostRawAsync(Route, padded, "application/json", AppFixture.StaffKey);

        status.ShouldBe(200);
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("not-a-configured-key-000", 401)]
    [InlineData(AppFixture.TypebotKey, 403)]
    public async Task Only_staff_may_check_a_flow(string? key, int expected)
    {
        var (status, _) = await Host.PostRawAsync(Route, ShippedFlow.Json(), "application/json", key);

        status.ShouldBe(expected);
    }

    [Fact]
    public async Task The_route_is_in_the_openapi_document_with_its_example()
    {
        var (_, doc) = await Host.StaffGetAsync("/swagger/v1/swagger.json");

        var operation = doc.GetProperty("paths").GetProperty(Route).GetProperty("post");
        operation.GetProperty("operationId").GetString().ShouldBe("check_flow");
        var example = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
        example.GetProperty("verdict").GetString().ShouldBe("error");
        JsonSerializer.Serialize(example).ShouldContain("api-body-missing-required");
    }
}
