using System.Text;
using Onboarding.Bench.Hosting;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>
/// Delivers again a webhook a fake already posted, as a retrying proxy or a replayed log would: WPPConnect's to its
/// URL with the token, Meta's to <c>/webhooks/cloudapi</c> with the signature it was sent with.
/// </summary>
public static class WebhookRepost
{
    public static Task<bool> PostAsync(BridgeRig rig, WebhookDelivery delivery, CancellationToken ct) =>
        rig.Cloud is null ? WebhookPollRace.PostAsync(rig, delivery, ct) : PostSignedAsync(rig, delivery, ct);

    private static async Task<bool> PostSignedAsync(BridgeRig rig, WebhookDelivery delivery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, rig.CloudWebhookUrl)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in delivery.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await rig.Http.SendAsync(request, ct);
        return response.IsSuccessStatusCode;
    }
}
