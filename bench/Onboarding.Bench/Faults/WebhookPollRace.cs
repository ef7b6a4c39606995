using System.Text;
using System.Text.Json;
using Onboarding.Bench.Hosting;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>
/// (d) The webhooks are held back while the phones write, then delivered late, chat by chat, while the catch-up poll
/// (which finds the same messages in WPPConnect) runs: both paths bring every message, the ledger must keep one.
/// </summary>
public static class WebhookPollRace
{
    public const string Name = "race";

    public static Task<FaultOutcome> RunAsync(BridgeRig rig, FaultSizes sizes, CancellationToken ct) =>
        FaultRun.RunAsync(Name, rig, sizes, async chats =>
        {
            rig.Wpp.Faults.DropWebhooks = true;
            await chats.WriteAsync(sizes.PerChat, TimeSpan.Zero, null, ct);
            rig.Wpp.Faults.DropWebhooks = false;

            var ours = chats.ChatIds.ToHashSet(StringComparer.Ordinal);
            var held = rig.Wpp.Webhooks
                .Where(d => d.Event == "onmessage" && d.StatusCode is null && d.Error == "dropped by fault")
                .Select(d => (Chat: ChatOf(d), Delivery: d))
                .Where(x => x.Chat is not null && ours.Contains(x.Chat))
                .GroupBy(x => x.Chat!)
                .ToList();

            // Spread over about two catch-up intervals, so polls land in the middle of the late deliveries.
            var gap = TimeSpan.FromSeconds(2.5) / Math.Max(1, sizes.PerChat);
            var failed = 0;
            await Task.WhenAll(held.Select(chat => Task.Run(async () =>
            {
                foreach (var (_, delivery) in chat)
                {
                    if (!await PostAsync(rig, delivery, ct))
                    {
                        Interlocked.Increment(ref failed);
                    }

                    await Task.Delay(gap, ct);
                }
            }, ct)));
            return $"{held.Sum(c => c.Count())} webhooks held back and delivered late while the poll ran ({failed} refused)";
        }, ct);

    internal static string? ChatOf(WebhookDelivery delivery)
    {
        using var json = JsonDocument.Parse(delivery.Body);
        return json.RootElement.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.String ? from.GetString() : null;
    }

    internal static async Task<bool> PostAsync(BridgeRig rig, WebhookDelivery delivery, CancellationToken ct)
    {
        using var content = new StringContent(delivery.Body, Encoding.UTF8, "application/json");
        using var response = await rig.Http.PostAsync(rig.WppWebhookUrl, content, ct);
        return response.IsSuccessStatusCode;
    }
}
