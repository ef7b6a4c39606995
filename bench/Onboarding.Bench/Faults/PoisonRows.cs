using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;
using Onboarding.Bench.Scenarios;
using Onboarding.Sandbox.Chatwoot;

namespace Onboarding.Bench.Faults;

/// <summary>
/// (g) Poison rows in the middle of busy chats: every fifth message is a file Chatwoot refuses with a deterministic
/// 422 (an Android package), every fifth a voice note (<c>audio/ogg; codecs=opus</c>, the type that once looped), the
/// rest texts. The refused files must fail at once with a note to agents; everything else must arrive once, in order,
/// none held behind a refused file. Over the Cloud API the files come as media ids, fetched from the fake Graph API.
/// </summary>
public static class PoisonRows
{
    public const string Name = "poison";

    /// <summary>What Chatwoot refuses in this scenario; nothing else sends it.</summary>
    public const string RefusedType = "application/vnd.android.package-archive";

    private const string VoiceType = "audio/ogg; codecs=opus";

    private enum Kind
    {
        Text,
        Voice,
        Refused,
    }

    public static async Task<FaultOutcome> RunAsync(BridgeRig rig, FaultSizes sizes, CancellationToken ct)
    {
        await rig.ReadyForScenarioAsync(ct);

        var clock = Stopwatch.StartNew();
        var chats = ChatSet.On(rig, Name, sizes.Chats);
        var written = Enumerable.Range(0, sizes.Chats).Select(_ => new ConcurrentQueue<(string Label, string Id, Kind Kind)>()).ToArray();
        rig.Chatwoot.RefusedAttachmentTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { RefusedType };
        try
        {
            await Task.WhenAll(Enumerable.Range(0, sizes.Chats).Select(chat => Task.Run(async () =>
            {
                var phone = chats.Phones[chat];
                for (var seq = 0; seq < sizes.PerChat && !ct.IsCancellationRequested; seq++)
                {
                    var label = $"{Name} c{chat:D3} m{seq:D5}";
                    var kind = (seq % 5) switch { 2 => Kind.Voice, 4 => Kind.Refused, _ => Kind.Text };
                    var bytes = Encoding.ASCII.GetBytes((kind == Kind.Voice ? "OggS\0\u0002" : "PK\u0003\u0004") + label);
                    var (id, _) = kind switch
                    {
                        Kind.Voice => await phone.SendVoiceNoteAsync(bytes),
                        Kind.Refused => await phone.SendDocumentAsync(bytes, RefusedType, $"m{seq:D5}.apk"),
                        _ => await phone.SendTextAsync(label),
                    };
                    written[chat].Enqueue((label, id, kind));
                    await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
                }
            }, ct)));

            var ended = DateTimeOffset.UtcNow;
            var expected = written.SelectMany(w => w).Where(x => x.Kind != Kind.Refused).Select(x => "wa:" + x.Id).ToHashSet(StringComparer.Ordinal);
            var poison = written.SelectMany(w => w).Where(x => x.Kind == Kind.Refused).Select(x => x.Id).ToList();
            var complete = await WaitAccountedAsync(rig, chats, expected, poison, sizes.WaitTimeout, ct);

            var counts = AuditCounts.Zero;
            var notes = 0;
            for (var chat = 0; chat < sizes.Chats; chat++)
            {
                var (chatCounts, chatNotes) = Audit(rig.Chatwoot, "+" + chats.Phones[chat].Digits, [.. written[chat]]);
                counts = counts.Plus(chatCounts);
                notes += chatNotes;
            }

            var failed = await FailedAsync(rig, chats, ct);
            var last = rig.Chatwoot.ReceivedMessages.Where(m => m.SourceId?.StartsWith("wa:", StringComparison.Ordinal) == true)
                .Select(m => m.CreatedAt).DefaultIfEmpty(ended).Max();
            var detail = $"{poison.Count} files refused with 422 ({notes} noted to agents, {failed} ledger rows failed), "
                + $"{written.Sum(w => w.Count(x => x.Kind == Kind.Voice))} voice notes ({VoiceType})"
                + (complete ? "" : $"; NOT COMPLETE after {sizes.WaitTimeout.TotalSeconds:F0} s");
            var outcome = new FaultOutcome(Name, counts, clock.Elapsed, last > ended ? last - ended : TimeSpan.Zero, detail);
            Console.WriteLine("  " + outcome);
            return outcome;
        }
        finally
        {
            rig.Chatwoot.RefusedAttachmentTypes = new HashSet<string>();
        }
    }

    /// <summary>
    /// One chat: the texts and voice notes against Chatwoot's incoming messages (matched by the <c>wa:</c> source id),
    /// and each refused file against its private note. A refused file without a note counts as lost; one shown as a
    /// message counts as foreign.
    /// </summary>
    private static (AuditCounts Counts, int Notes) Audit(FakeChatwoot chatwoot, string e164, IReadOnlyList<(string Label, string Id, Kind Kind)> written)
    {
        var contacts = chatwoot.Contacts.Where(c => c.PhoneNumber == e164).Select(c => c.Id).ToHashSet();
        var messages = chatwoot.Conversations.Where(c => contacts.Contains(c.ContactId)).SelectMany(c => chatwoot.Messages(c.Id)).OrderBy(m => m.Id).ToList();
        var labelOf = written.ToDictionary(w => "wa:" + w.Id, w => w.Label, StringComparer.Ordinal);
        var mirrored = messages.Where(m => m.MessageType == "incoming" && !m.Private)
            .Select(m => m.SourceId is { } s && labelOf.TryGetValue(s, out var label) ? label : "foreign " + m.Id)
            .ToList();
        var sent = written.Where(w => w.Kind != Kind.Refused).Select(w => w.Label).ToList();
        var counts = MessageAudit.Compare(sent, mirrored);

        var notes = written.Where(w => w.Kind == Kind.Refused)
            .Count(w => messages.Any(m => m.Private && m.SourceId == "onboarding:poison:inbound:" + w.Id));
        var refused = written.Count(w => w.Kind == Kind.Refused);
        return (counts with { Lost = counts.Lost + refused - notes }, notes);
    }

    /// <summary>Waits (bounded) until every text and voice note (by its <c>wa:</c> source id) and every refused file's note is in Chatwoot.</summary>
    private static async Task<bool> WaitAccountedAsync(
        BridgeRig rig, ChatSet chats, IReadOnlySet<string> expected, IReadOnlyList<string> poison, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var notes = poison.Select(id => "onboarding:poison:inbound:" + id).ToHashSet(StringComparer.Ordinal);
        var ours = chats.ChatIds.ToArray();
        while (clock.Elapsed < timeout)
        {
            var received = rig.Chatwoot.ReceivedMessages;
            var arrived = received.Where(m => m.MessageType == "incoming" && m.SourceId is { } s && expected.Contains(s)).Select(m => m.SourceId).Distinct().Count();
            var noted = received.Count(m => m.Private && m.SourceId is { } s && notes.Contains(s));
            if (arrived >= expected.Count && noted >= notes.Count && await Arrivals.PendingAsync(rig, ours, ct) == 0)
            {
                await Task.Delay(300, ct);
                return true;
            }

            await Task.Delay(100, ct);
        }

        return false;
    }

    private static async Task<long> FailedAsync(BridgeRig rig, ChatSet chats, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM inbound_messages WHERE state = 'failed' AND wa_chat_id = ANY(@chats)", connection);
        command.Parameters.AddWithValue("chats", chats.ChatIds.ToArray());
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
