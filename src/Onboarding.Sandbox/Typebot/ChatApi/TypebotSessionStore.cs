using System.Collections.Concurrent;
using Onboarding.Sandbox.Typebot.Engine;

namespace Onboarding.Sandbox.Typebot.ChatApi;

/// <summary>
/// Sessions in memory. A session that ends during continueChat is deleted from the chat API (later calls get 404)
/// but stays visible here for inspection, with its variables and transcript.
/// </summary>
public sealed class TypebotSessionStore
{
    private readonly ConcurrentDictionary<string, TypebotSession> _live = new();
    private readonly ConcurrentDictionary<string, TypebotSession> _all = new();

    /// <summary>Every session started since the emulator began, ended ones included.</summary>
    public IReadOnlyCollection<TypebotSession> All => _all.Values.OrderBy(s => s.CreatedAt).ToList();

    public TypebotSession this[string sessionId] => _all[sessionId];

    public void Add(TypebotSession session)
    {
        _live[session.Id] = session;
        _all[session.Id] = session;
    }

    public TypebotSession? FindLive(string sessionId) => _live.TryGetValue(sessionId, out var session) ? session : null;

    public void Delete(string sessionId) => _live.TryRemove(sessionId, out _);

    /// <summary>Forgets every session (live and archived).</summary>
    public void Clear()
    {
        _live.Clear();
        _all.Clear();
    }
}
