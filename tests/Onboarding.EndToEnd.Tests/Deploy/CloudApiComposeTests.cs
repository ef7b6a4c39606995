using System.Net;
using System.Security.Cryptography;
using System.Text;
using Onboarding.Bridge.Inbound.Intake;
using Onboarding.EndToEnd.Tests.Bot;

namespace Onboarding.EndToEnd.Tests.Deploy;

/// <summary>
/// docs/deploy.md §5b as an operator follows it: the shipped Compose file with its <c>WppConnect__*</c> lines removed
/// and the Cloud API settings of the guide added boots in Production on the Cloud API and answers Meta's webhook.
/// </summary>
[Collection(ComposeCollection.Name)]
public sealed class CloudApiComposeTests(ComposeFixture compose) : BotContext(compose)
{
    private static readonly string AppSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private static readonly string VerifyToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The settings of docs/deploy.md §5b step 3, with an operator's values.</summary>
    private static readonly string[] GuideSettings =
    [
        "WhatsApp__Transport: CloudApi",
        "WhatsApp__CloudApi__PhoneNumberId: \"106540352242922\"",
        "WhatsApp__CloudApi__AccessToken: EAAG" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
        "WhatsApp__CloudApi__AppSecret: " + AppSecret,
        "WhatsApp__CloudApi__WebhookVerifyToken: " + VerifyToken,
        "WhatsApp__CloudApi__Templates__status_notice__pt__Name: estado_candidatura",
        "WhatsApp__CloudApi__Templates__status_notice__pt__Language: pt_PT",
        "WhatsApp__CloudApi__Templates__status_notice__pt__Parameters__0: name",
        "WhatsApp__CloudApi__Templates__status_notice__pt__Parameters__1: status",
        "WhatsApp__CloudApi__Templates__document_reminder__pt__Name: lembrete_documento",
        "WhatsApp__CloudApi__Templates__document_reminder__pt__Language: pt_PT",
        "WhatsApp__CloudApi__Templates__document_reminder__pt__Parameters__0: name",
        "WhatsApp__CloudApi__Templates__nudge__pt__Name: retomar_candidatura",
        "WhatsApp__CloudApi__Templates__nudge__pt__Language: pt_PT",
        "WhatsApp__CloudApi__Templates__nudge__pt__Parameters__0: name",
        "Governor__CloudApi__BusinessInitiatedPerDay: \"1000\"",
    ];

    [Fact]
    public async Task The_compose_file_edited_as_the_guide_says_boots_on_the_cloud_api_and_answers_metas_webhook()
    {
        var (host, url, failure) = compose.Boot(CloudApiCompose(GuideSettings));
        failure.ShouldBeNull();
        await using var _ = host!;
        using var http = new HttpClient { BaseAddress = url };
        var ct = TestContext.Current.CancellationToken;

        using var handshake = await http.GetAsync($"/webhooks/cloudapi?hub.mode=subscribe&hub.verify_token={VerifyToken}&hub.challenge=1158201444", ct);
        handshake.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await handshake.Content.ReadAsStringAsync(ct)).ShouldBe("1158201444");

        // A delivery signed with the app secret is accepted; one signed otherwise is not (an empty change stores nothing).
        var body = """{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[]}]}""";
        using var signed = Post(body, CloudApiSignature.Sign(AppSecret, Encoding.UTF8.GetBytes(body)));
        (await http.SendAsync(signed, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var forged = Post(body, CloudApiSignature.Sign("another-secret", Encoding.UTF8.GetBytes(body)));
        (await http.SendAsync(forged, ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The WPPConnect route is not served by a Cloud API deployment.
        (await http.PostAsync("/webhooks/wppconnect/any-token", new StringContent("{}", Encoding.UTF8, "application/json"), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("WhatsApp__CloudApi__AppSecret", "WhatsApp:CloudApi:AppSecret")]
    [InlineData("WhatsApp__CloudApi__AccessToken", "WhatsApp:CloudApi:AccessToken")]
    [InlineData("WhatsApp__CloudApi__Templates__nudge__pt__Name", "WhatsApp:CloudApi:Templates:nudge:pt:Name")]
    public async Task A_setting_the_guide_lists_and_the_file_forgets_fails_the_boot_naming_it(string forgotten, string setting)
    {
        var failure = await compose.TryBootAsync(CloudApiCompose(GuideSettings.Where(s => !s.StartsWith(forgotten + ":", StringComparison.Ordinal))));

        var message = failure.ShouldNotBeNull().ToString();
        message.ShouldContain(setting);
        message.ShouldNotContain(AppSecret);
    }

    /// <summary>The shipped file's onboarding service without its WPPConnect lines and with <paramref name="settings"/> instead.</summary>
    private static string CloudApiCompose(IEnumerable<string> settings)
    {
        var lines = ComposeFixture.ComposeText.Split('\n').ToList();
        lines.RemoveAll(l => l.TrimStart().StartsWith("WppConnect__", StringComparison.Ordinal));
        var roles = lines.FindIndex(l => l.TrimStart().StartsWith("Onboarding__Roles:", StringComparison.Ordinal));
        roles.ShouldBeGreaterThan(0);
        var indent = lines[roles][..(lines[roles].Length - lines[roles].TrimStart().Length)];
        lines.InsertRange(roles + 1, settings.Select(s => indent + s));
        return string.Join('\n', lines);
    }

    private static HttpRequestMessage Post(string body, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/cloudapi") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", signature);
        return request;
    }
}
