using Onboarding.Bench.Hosting;
using Onboarding.Sandbox.CloudApi;
using Onboarding.Sandbox.Hosting;
using Onboarding.Sandbox.WppConnect;

namespace Onboarding.Bench.Scenarios;

/// <summary>One message a simulated phone wrote: when (just before its fake posted the webhook) and how the webhook went.</summary>
public sealed record Written(int Chat, int Seq, string Text, string MessageId, DateTimeOffset At, TimeSpan WebhookTime, WebhookDelivery? Delivery);

/// <summary>
/// A group of simulated WhatsApp users writing numbered texts to our number, through the fake WPPConnect or the fake
/// Cloud API. Each chat writes one message after the other, so what it sent has a definite order; <see cref="SentBy"/>
/// is that order.
/// </summary>
public sealed class ChatSet
{
    private static int _numbers;

    private readonly List<string>[] _sent;
    private readonly int[] _next;
    private readonly Lock _gate = new();

    public ChatSet(FakeWppConnect wpp, string tag, int chats)
        : this(tag, chats, (e164, name) => new WppChatPhone(wpp.Phone(e164, name)))
    {
    }

    public ChatSet(FakeCloudApi cloud, string tag, int chats)
        : this(tag, chats, (e164, name) => new CloudChatPhone(cloud.Phone(e164, name)))
    {
    }

    private ChatSet(string tag, int chats, Func<string, string, IChatPhone> phone)
    {
        Tag = tag;
        Phones = Enumerable.Range(0, chats)
            .Select(i => phone($"+35196{1_000_000 + Interlocked.Increment(ref _numbers):D7}", $"Condutor {tag} {i}"))
            .ToList();
        _sent = Phones.Select(_ => new List<string>()).ToArray();
        _next = new int[chats];
    }

    /// <summary>Starts every text of this set, so its messages can be told apart from every other set's.</summary>
    public string Tag { get; }

    public IReadOnlyList<IChatPhone> Phones { get; }

    /// <summary>Phones of the rig's transport: Cloud API users on a Cloud API rig, WPPConnect users otherwise.</summary>
    public static ChatSet On(BridgeRig rig, string tag, int chats) =>
        rig.Cloud is { } cloud ? new ChatSet(cloud, tag, chats) : new ChatSet(rig.Wpp, tag, chats);

    public IReadOnlyList<string> ChatIds => Phones.Select(p => p.ChatId).ToList();

    public int SentCount
    {
        get
        {
            lock (_gate)
            {
                return _sent.Sum(s => s.Count);
            }
        }
    }

    public IReadOnlyList<string> SentBy(int chat)
    {
        lock (_gate)
        {
            return [.. _sent[chat]];
        }
    }

    /// <summary>The chat's next message; it is in WhatsApp (and in <see cref="SentBy"/>) whatever happens to its webhook.</summary>
    public async Task<Written> WriteOneAsync(int chat)
    {
        string text;
        int seq;
        lock (_gate)
        {
            seq = _next[chat]++;
            text = $"{Tag} c{chat:D3} m{seq:D5}";
            _sent[chat].Add(text);
        }

        var at = DateTimeOffset.UtcNow;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (messageId, delivery) = await Phones[chat].SendTextAsync(text);
        return new Written(chat, seq, text, messageId, at, System.Diagnostics.Stopwatch.GetElapsedTime(started), delivery);
    }

    /// <summary>Writes <paramref name="perChat"/> messages in every chat at once; returns how many webhook posts failed.</summary>
    public async Task<int> WriteBurstAsync(int perChat, CancellationToken ct)
    {
        var refused = 0;
        await WriteAsync(perChat, TimeSpan.Zero, w =>
        {
            if (w.Delivery?.Succeeded != true)
            {
                Interlocked.Increment(ref refused);
            }

            return Task.CompletedTask;
        }, ct);
        return refused;
    }

    /// <summary>Every chat writes <paramref name="perChat"/> messages, <paramref name="gap"/> apart; the chats write in parallel.</summary>
    public Task WriteAsync(int perChat, TimeSpan gap, Func<Written, Task>? after, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, Phones.Count).Select(chat => Task.Run(async () =>
        {
            for (var i = 0; i < perChat && !ct.IsCancellationRequested; i++)
            {
                if (i > 0 && gap > TimeSpan.Zero)
                {
                    await Task.Delay(gap, ct);
                }

                var written = await WriteOneAsync(chat);
                if (after is not null)
                {
                    await after(written);
                }
            }
        }, ct)));

    /// <summary>
    /// Open-loop pacing: the chats together write <paramref name="perSecond"/> messages a second for
    /// <paramref name="window"/>, each chat at a random phase; returns how many webhook posts failed.
    /// </summary>
    public async Task<int> PaceAsync(double perSecond, TimeSpan window, Random random, CancellationToken ct)
    {
        var perChat = perSecond / Phones.Count;
        var phases = Phones.Select(_ => random.NextDouble() / perChat).ToArray();
        var start = DateTimeOffset.UtcNow;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, Phones.Count).Select(chat => Task.Run(async () =>
        {
            for (var k = 0; ; k++)
            {
                var due = start + TimeSpan.FromSeconds(phases[chat] + (k / perChat));
                if (due - start >= window)
                {
                    return;
                }

                var wait = due - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }

                var written = await WriteOneAsync(chat);
                if (written.Delivery?.Succeeded != true)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, ct)));
        return failures;
    }
}
