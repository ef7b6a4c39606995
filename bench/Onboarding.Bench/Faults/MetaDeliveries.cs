using System.Globalization;
using System.Text.Json.Nodes;
using Onboarding.Bench.Measurement;
using Onboarding.Sandbox.CloudApi;

namespace Onboarding.Bench.Faults;

/// <summary>What the fake Cloud API's webhook deliveries of one scenario came to: notifications, attempts, retries, order.</summary>
public static class MetaDeliveries
{
    /// <summary>The <c>messages</c> notifications posted since the <paramref name="from"/>-th delivery, attempts grouped by body.</summary>
    public static string Since(FakeCloudApi cloud, int from)
    {
        var notifications = cloud.Webhooks.Skip(from).Where(d => d.Event == "messages").GroupBy(d => d.Body, StringComparer.Ordinal).ToList();
        var attempts = notifications.Sum(n => n.Count());
        var retried = notifications.Count(n => n.Count() > 1);
        var unanswered = notifications.Count(n => !n.Any(d => d.StatusCode == 200));
        return string.Create(CultureInfo.InvariantCulture,
            $"Meta posted {notifications.Count} notifications in {attempts} attempts ({retried} retried{(unanswered > 0 ? $", {unanswered} never answered 200" : "")})");
    }

    /// <summary>
    /// How many of the set's messages (texts starting with <paramref name="tag"/>) the host accepted after a message its
    /// chat wrote later: each message's first answered delivery, in the order the answers came back, against the order
    /// written, counted as <see cref="MessageAudit.Compare"/> counts. What the bridge could not have put right without
    /// waiting for more.
    /// </summary>
    public static int AcceptedOutOfOrder(FakeCloudApi cloud, int from, string tag)
    {
        var prefix = tag + " ";
        var accepted = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var delivery in cloud.Webhooks.Skip(from).Where(d => d.Event == "messages" && d.StatusCode == 200).OrderBy(d => d.At))
        {
            var value = JsonNode.Parse(delivery.Body)?["entry"]?[0]?["changes"]?[0]?["value"];
            foreach (var message in value?["messages"]?.AsArray() ?? [])
            {
                if (message?["from"]?.GetValue<string>() is { } waId && message["id"]?.GetValue<string>() is { } id)
                {
                    var order = accepted.TryGetValue(waId, out var list) ? list : accepted[waId] = [];
                    if (!order.Contains(id))
                    {
                        order.Add(id);
                    }
                }
            }
        }

        return accepted.Sum(chat =>
        {
            var written = cloud.Messages(chat.Key).Where(m => !m.FromBusiness && m.Text?.StartsWith(prefix, StringComparison.Ordinal) == true).Select(m => m.Id).ToList();
            var ours = written.ToHashSet(StringComparer.Ordinal);
            return written.Count == 0 ? 0 : MessageAudit.Compare(written, chat.Value.Where(ours.Contains).ToList()).OutOfOrder;
        });
    }
}
