using System.Text;
using Onboarding.Bridge.Inbound.Intake;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>The host with <c>WhatsApp:Transport=CloudApi</c> against <see cref="GraphApiStub"/>, Chatwoot's fake and its own database.</summary>
public sealed class CloudApiFixture : BridgeFixture
{
    public const string AppSecret = "e2e-cloud-app-secret-0123456789";
    public const string VerifyToken = "e2e-cloud-verify-token-0123456789";

    public GraphApiStub Graph { get; private set; } = null!;

    protected override async Task StartExtrasAsync() => Graph = await GraphApiStub.StartAsync();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => new Dictionary<string, string>
    {
        ["WhatsApp:Transport"] = "CloudApi",
        ["WhatsApp:CloudApi:PhoneNumberId"] = GraphApiStub.PhoneNumberId,
        ["WhatsApp:CloudApi:AccessToken"] = GraphApiStub.AccessToken,
        ["WhatsApp:CloudApi:AppSecret"] = AppSecret,
        ["WhatsApp:CloudApi:WebhookVerifyToken"] = VerifyToken,
        ["WhatsApp:CloudApi:BaseUrl"] = Graph.BaseUrl.ToString(),
        ["WhatsApp:CloudApi:Templates:status_notice:pt:Name"] = "estado_candidatura",
        ["WhatsApp:CloudApi:Templates:status_notice:pt:Language"] = "pt_PT",
        ["WhatsApp:CloudApi:Templates:status_notice:pt:Parameters:0"] = "name",
        ["WhatsApp:CloudApi:Templates:status_notice:pt:Parameters:1"] = "status",
        ["WhatsApp:CloudApi:Templates:document_reminder:pt:Name"] = "lembrete_documentos",
        ["WhatsApp:CloudApi:Templates:document_reminder:pt:Language"] = "pt_PT",
        ["WhatsApp:CloudApi:Templates:nudge:pt:Name"] = "continuar_registo",
        ["WhatsApp:CloudApi:Templates:nudge:pt:Language"] = "pt_PT",
        ["Governor:CloudApi:MessagesPerSecond"] = "0",
        ["Governor:CloudApi:BusinessInitiatedPerDay"] = "0",
    };

    /// <summary>Posts a webhook body signed as Meta signs it (or with the given header).</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(string body, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/cloudapi") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(CloudApiSignature.Header, signature ?? CloudApiSignature.Sign(AppSecret, Encoding.UTF8.GetBytes(body)));
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Graph.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CloudApiCollection : ICollectionFixture<CloudApiFixture>
{
    public const string Name = "cloudapi";
}
