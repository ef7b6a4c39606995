using System.Globalization;
using Onboarding.Bench.Scenarios;
using Onboarding.Bridge.Inbound.Processing;
using Onboarding.Sandbox.Chatwoot;

namespace Onboarding.Bench.Measurement;

/// <summary>
/// What reached Chatwoot against what the phones sent, summed over chats: lost (sent, never mirrored), duplicated
/// (mirrored more than once), out of order (mirrored after a message the phone wrote later), foreign (mirrored, never sent).
/// </summary>
public sealed record AuditCounts(int Sent, int Mirrored, int Lost, int Duplicated, int OutOfOrder, int Foreign)
{
    public static AuditCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    public bool Clean => Lost == 0 && Duplicated == 0 && OutOfOrder == 0 && Foreign == 0;

    public AuditCounts Plus(AuditCounts o) =>
        new(Sent + o.Sent, Mirrored + o.Mirrored, Lost + o.Lost, Duplicated + o.Duplicated, OutOfOrder + o.OutOfOrder, Foreign + o.Foreign);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"lost {Lost} / duplicated {Duplicated} / out of order {OutOfOrder} (sent {Sent}, mirrored {Mirrored}{(Foreign > 0 ? $", foreign {Foreign}" : "")})");
}

public static class MessageAudit
{
    /// <summary>One chat: <paramref name="sent"/> in the order written, <paramref name="mirrored"/> in Chatwoot's order.</summary>
    public static AuditCounts Compare(IReadOnlyList<string> sent, IReadOnlyList<string> mirrored)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sent.Count; i++)
        {
            position[sent[i]] = i;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int duplicated = 0, outOfOrder = 0, foreign = 0, highest = -1;
        foreach (var text in mirrored)
        {
            if (!position.TryGetValue(text, out var at))
            {
                foreign++;
                continue;
            }

            if (seen.TryGetValue(text, out var times))
            {
                duplicated++;
                seen[text] = times + 1;
                continue;
            }

            seen[text] = 1;
            if (at < highest)
            {
                outOfOrder++;
            }
            else
            {
                highest = at;
            }
        }

        return new AuditCounts(sent.Count, mirrored.Count, sent.Count(s => !seen.ContainsKey(s)), duplicated, outOfOrder, foreign);
    }

    /// <summary>Every chat of the set against its Chatwoot conversations (all contacts with its number, all their conversations).</summary>
    public static AuditCounts Of(ChatSet chats, FakeChatwoot chatwoot) =>
        Enumerable.Range(0, chats.Phones.Count)
            .Select(i => Compare(chats.SentBy(i), Mirrored(chatwoot, "+" + chats.Phones[i].Digits)))
            .Aggregate(AuditCounts.Zero, (a, b) => a.Plus(b));

    /// <summary>The incoming texts Chatwoot holds for a phone number, in Chatwoot's order.</summary>
    public static IReadOnlyList<string> Mirrored(FakeChatwoot chatwoot, string e164)
    {
        var contacts = chatwoot.Contacts.Where(c => c.PhoneNumber == e164).Select(c => c.Id).ToHashSet();
        return chatwoot.Conversations.Where(c => contacts.Contains(c.ContactId))
            .SelectMany(c => chatwoot.Messages(c.Id))
            .Where(m => m.MessageType == "incoming" && !m.Private)
            .OrderBy(m => m.Id)
            .Select(m => LateArrival.Strip(m.Content ?? ""))
            .ToList();
    }
}
