using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.CloudApi;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Tests.CloudApi;

/// <summary>The Sandbox over the Cloud API: the host's settings point at the fake, and every template they name exists there.</summary>
public sealed class CloudApiSandboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_template_the_host_is_given_is_approved_in_the_fake_with_its_parameter_count()
    {
        await using var fake = await FakeCloudApi.StartAsync(CloudApiSandbox.Options(0, new Uri("http://127.0.0.1:5080/"), "app-secret"), Ct);
        var settings = CloudApiSandbox.HostSettings(fake, "verify");
        using var http = new HttpClient { BaseAddress = new Uri(settings["WhatsApp:CloudApi:BaseUrl"]!) };

        var templates = settings.Keys.Where(k => k.StartsWith("WhatsApp:CloudApi:Templates:", StringComparison.Ordinal) && k.EndsWith(":Name", StringComparison.Ordinal))
            .Select(k => k[..^":Name".Length]).ToList();
        templates.Count.ShouldBe(6);
        foreach (var key in templates)
        {
            var parameters = settings.Keys.Count(k => k.StartsWith(key + ":Parameters:", StringComparison.Ordinal));
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings["WhatsApp:CloudApi:ApiVersion"]}/{settings["WhatsApp:CloudApi:PhoneNumberId"]}/messages")
            {
                Content = new StringContent(new JsonObject
                {
                    ["messaging_product"] = "whatsapp",
                    ["to"] = "351915211836",
                    ["type"] = "template",
                    ["template"] = new JsonObject
                    {
                        ["name"] = settings[key + ":Name"],
                        ["language"] = new JsonObject { ["code"] = settings[key + ":Language"] },
                        ["components"] = new JsonArray(new JsonObject
                        {
                            ["type"] = "body",
                            ["parameters"] = new JsonArray(Enumerable.Range(0, parameters).Select(i => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = $"v{i}" }).ToArray()),
                        }),
                    },
                }.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings["WhatsApp:CloudApi:AccessToken"]);
            using var response = await http.SendAsync(request, Ct);
            ((int)response.StatusCode).ShouldBe(200, key);
        }

        settings["WhatsApp:Transport"].ShouldBe("CloudApi");
        settings["WhatsApp:CloudApi:AppSecret"].ShouldBe("app-secret");
        settings["WhatsApp:CloudApi:BaseUrl"].ShouldBe(fake.BaseUrl.ToString());
    }
}
