using Onboarding.Bench.Measurement;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Sandbox.CloudApi;

namespace Onboarding.Bench.Faults;

/// <summary>
/// A Cloud API run's out-of-order messages, split by the <c>timestamp</c> Meta's notification gave them (whole
/// seconds): one mirrored after a later message written in the same second carried the same timestamp, so nothing in
/// the notifications could put it first; one from an earlier second could have been put first, had it been waited for.
/// Counted as <see cref="MessageAudit.Compare"/> counts (the same total).
/// </summary>
public static class MetaSeconds
{
    public static (int SameSecond, int EarlierSecond) Inversions(FakeCloudApi cloud, FakeChatwoot chatwoot, string tag)
    {
        var prefix = tag + " ";
        int same = 0, earlier = 0;
        foreach (var chat in cloud.Chats)
        {
            var written = chat.Messages.Where(m => !m.FromBusiness && m.Text?.StartsWith(prefix, StringComparison.Ordinal) == true).ToList();
            if (written.Count == 0)
            {
                continue;
            }

            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < written.Count; i++)
            {
                position[written[i].Text!] = i;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var highest = -1;
            foreach (var text in MessageAudit.Mirrored(chatwoot, "+" + chat.WaId))
            {
                if (!position.TryGetValue(text, out var at) || !seen.Add(text))
                {
                    continue;
                }

                if (at >= highest)
                {
                    highest = at;
                }
                else if (written[at].At.ToUnixTimeSeconds() == written[highest].At.ToUnixTimeSeconds())
                {
                    same++;
                }
                else
                {
                    earlier++;
                }
            }
        }

        return (same, earlier);
    }
}
