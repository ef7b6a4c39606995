using System.Globalization;
using Onboarding.Sandbox.CloudApi;

namespace Onboarding.Bench.Faults;

/// <summary>What the fake Cloud API's webhook deliveries of one scenario came to: notifications, attempts, retries.</summary>
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
}
