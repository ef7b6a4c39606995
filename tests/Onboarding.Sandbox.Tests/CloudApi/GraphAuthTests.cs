using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Tests.CloudApi;

public sealed class GraphAuthTests : CloudApiTestBase
{
    [Fact]
    public async Task A_send_without_a_token_answers_401_with_the_graph_oauth_error()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, MessagesPath, Text(Driver, "olá"), token: null);

        status.ShouldBe(401);
        body["error"]!["type"]!.GetValue<string>().ShouldBe("OAuthException");
        ErrorCode(body).ShouldBe(190);
        body["error"]!["message"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        body["error"]!["fbtrace_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        Api.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_token_answers_401_code_190_and_an_expired_one_subcode_463()
    {
        var (wrong, wrongBody) = await SendAsync(HttpMethod.Post, MessagesPath, Text(Driver, "olá"), "EAAnot-the-token");
        wrong.ShouldBe(401);
        ErrorCode(wrongBody).ShouldBe(190);

        Api.ExpireToken();
        var (expired, expiredBody) = await PostMessageAsync(Text(Driver, "olá"));
        expired.ShouldBe(401);
        ErrorCode(expiredBody).ShouldBe(190);
        ((int)expiredBody["error"]!["error_subcode"]!).ShouldBe(463);

        Api.RenewToken();
        await OpenWindowAsync();
        (await PostMessageAsync(Text(Driver, "olá"))).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Another_api_version_or_phone_number_id_is_refused_with_graph_errors()
    {
        var (version, versionBody) = await SendAsync(HttpMethod.Post, $"v1.0/{Api.PhoneNumberId}/messages", Text(Driver, "olá"), Api.AccessToken);
        version.ShouldBe(400);
        ErrorCode(versionBody).ShouldBe(2500);

        var (phoneId, phoneIdBody) = await SendAsync(HttpMethod.Post, $"{Api.GraphApiVersion}/999999/messages", Text(Driver, "olá"), Api.AccessToken);
        phoneId.ShouldBe(400);
        ErrorCode(phoneIdBody).ShouldBe(100);
        ((int)phoneIdBody["error"]!["error_subcode"]!).ShouldBe(33);
    }

    [Fact]
    public async Task The_token_is_also_accepted_as_the_access_token_query_parameter()
    {
        await OpenWindowAsync();
        var (status, body) = await SendAsync(HttpMethod.Post, MessagesPath + "?access_token=" + Api.AccessToken, Text(Driver, "olá"), token: null);

        status.ShouldBe(200);
        Wamid(body).ShouldStartWith("wamid.");
        _ = body["contacts"].ShouldBeOfType<JsonArray>();
    }
}

public sealed class GraphBasePathTests : CloudApiTestBase
{
    protected override void Configure(Onboarding.Sandbox.CloudApi.FakeCloudApiOptions options) => options.BasePath = "/graph/";

    [Fact]
    public async Task The_graph_routes_and_media_urls_sit_under_the_configured_base_path()
    {
        Api.BaseUrl.AbsolutePath.ShouldBe("/graph/");
        await Api.Phone(Driver, "Maria").SendImageAsync([1, 2, 3]);
        var mediaId = Callback.Values.Single()["messages"]![0]!["image"]!["id"]!.GetValue<string>();

        var (status, info) = await SendAsync(HttpMethod.Get, $"{Api.GraphApiVersion}/{mediaId}", null, Api.AccessToken);
        using var atRoot = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(Api.BaseUrl, "/"), $"{Api.GraphApiVersion}/{mediaId}"));
        atRoot.Headers.Authorization = new("Bearer", Api.AccessToken);
        using var rootResponse = await RawAsync(atRoot);

        status.ShouldBe(200);
        new Uri(info["url"]!.GetValue<string>()).AbsolutePath.ShouldStartWith("/graph/whatsapp_business/attachments/");
        ((int)rootResponse.StatusCode).ShouldBe(404);
        (await PostMessageAsync(Text(Driver, "olá"))).Status.ShouldBe(200);
    }
}
