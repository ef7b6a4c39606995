using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Onboarding.Api.Tests.Console;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Features.Documents;

/// <summary>
/// Bad input to the three routes the flow's document loop calls: every failure is a flat 4xx naming the field, in the
/// driver's language, the same in all three (the shared preamble of TypebotDocumentEndpoint), never a 500.
/// </summary>
public sealed class TypebotDocumentRoutesTests(DocumentsConsoleHost host) : IClassFixture<DocumentsConsoleHost>
{
    private const string Next = "/documents/next_typebot";
    private const string Store = "/documents/store_typebot";
    private const string Expiry = "/documents/expiry_typebot";

    [Theory]
    [InlineData(Next)]
    [InlineData(Store)]
    [InlineData(Expiry)]
    public async Task Every_route_names_the_driver_field_when_it_is_missing_malformed_or_unknown(string route)
    {
        (await PostRawAsync(route, "{not json")).Status.ShouldBe(400);
        (await PostRawAsync(route, """{"driver_id": {"nested": 1}}""")).ShouldBe((422, "driver_id"));

        var missing = await PostAsync(route, new { });
        missing.ShouldBe((422, "driver_id"));
        (await PostAsync(route, new { driver_id = "  " })).ShouldBe((422, "driver_id"));
        (await PostAsync(route, new { driver_id = "not-a-guid" })).ShouldBe((422, "driver_id"));
        (await PostAsync(route, new { driver_id = Guid.NewGuid().ToString() })).ShouldBe((422, "driver_id"));
    }

    [Fact]
    public async Task The_driver_field_failure_is_in_the_language_of_the_flow()
    {
        var (_, pt) = await SendAsync(Next, new { driver_id = Guid.NewGuid() }, english: false);
        var (_, en) = await SendAsync(Next, new { driver_id = Guid.NewGuid() }, english: true);

        pt.GetProperty("message").GetString().ShouldBe("Não encontrámos o seu registo. Um agente vai continuar a conversa consigo.");
        en.GetProperty("message").GetString().ShouldBe("We could not find your registration. An agent will continue the conversation with you.");
        en.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("driver_id.unknown");
    }

    [Fact]
    public async Task Store_refuses_a_document_outside_the_checklist_and_a_missing_file()
    {
        var driver = await host.RegisterAsync(DriverScenarios.ValidRegistration("+351917770000", nif: null));

        (await PostAsync(Store, new { driver_id = driver, document = "passport:front", file_url = "https://example.org/x.jpg" })).ShouldBe((422, "document"));
        (await PostAsync(Store, new { driver_id = driver, document = "identity:side", file_url = "https://example.org/x.jpg" })).ShouldBe((422, "document"));
        (await PostAsync(Store, new { driver_id = driver, document = "identity:front", file_url = "" })).ShouldBe((422, "file_url"));
    }

    [Fact]
    public async Task Expiry_refuses_a_document_without_a_date_a_malformed_date_and_a_past_one()
    {
        var driver = await host.RegisterAsync(DriverScenarios.ValidRegistration("+351917770001", nif: null));

        (await PostAsync(Expiry, new { driver_id = driver, document = "vehicle_registration", expires_on = "31/12/2030" })).ShouldBe((422, "document"));
        (await PostAsync(Expiry, new { driver_id = driver, document = "identity", expires_on = "12/31/2030" })).ShouldBe((422, "expires_on"));
        (await PostAsync(Expiry, new { driver_id = driver, document = "identity", expires_on = "para o ano" })).ShouldBe((422, "expires_on"));
        (await PostAsync(Expiry, new { driver_id = driver, document = "identity", expires_on = "31/02/2030" })).ShouldBe((422, "expires_on"));
        (await PostAsync(Expiry, new { driver_id = driver, document = "identity", expires_on = "01/01/2020" })).ShouldBe((422, "expires_on"));
        (await PostAsync(Expiry, new { driver_id = driver, document = "identity", expires_on = "31/12/2030" })).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Next_answers_the_first_missing_document_for_a_known_driver()
    {
        var driver = await host.RegisterAsync(DriverScenarios.ValidRegistration("+351917770002", nif: null));

        var (status, body) = await SendAsync(Next, new { driver_id = driver.ToString() }, english: true);

        status.ShouldBe(200, body.ToString());
        body.GetProperty("document").GetString().ShouldBe("identity:front");
        body.GetProperty("done").GetBoolean().ShouldBeFalse();
        body.GetProperty("prompt").GetString()!.ShouldContain("identity document");
    }

    private async Task<(int Status, string? Field)> PostAsync(string route, object body)
    {
        var (status, json) = await SendAsync(route, body, english: false);
        return (status, Field(json));
    }

    private async Task<(int Status, string? Field)> PostRawAsync(string route, string body)
    {
        using var request = Request(route, new StringContent(body, Encoding.UTF8, "application/json"), english: false);
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        json.GetProperty("ok").GetBoolean().ShouldBeFalse();
        return ((int)response.StatusCode, Field(json));
    }

    private async Task<(int Status, JsonElement Body)> SendAsync(string route, object body, bool english)
    {
        using var request = Request(route, JsonContent.Create(body), english);
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", text);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static HttpRequestMessage Request(string route, HttpContent content, bool english)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = content };
        request.Headers.Add("X-Api-Key", AppFixture.TypebotKey);
        if (english)
        {
            request.Headers.Add("Accept-Language", "en");
        }

        return request;
    }

    private static string? Field(JsonElement body) =>
        body.TryGetProperty("first_error_field", out var field) && field.ValueKind == JsonValueKind.String ? field.GetString() : null;
}
