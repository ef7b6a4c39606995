using System.Text.Json;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Contacts;

/// <summary>A managed conversation as the router sees it: who answers (mode) and, while the bot does, its session.</summary>
public sealed record BotConversation
{
    public long Id { get; init; }
    public long ContactId { get; init; }
    public long ChatwootConversationId { get; init; }
    public string Mode { get; init; } = ConversationModes.Human;
    public string? TypebotSessionId { get; init; }
    public string? TypebotInput { get; init; }
    public int BotTurns { get; init; }
    public int BotFailures { get; init; }
    public int Handoffs { get; init; }
    public DateTime LastActivityAt { get; init; }
    public string WaChatId { get; init; } = "";
    public string? PhoneE164 { get; init; }
    public string? DisplayName { get; init; }
    public string? Language { get; init; }
    public bool AwaitingLanguage { get; init; }

    /// <summary>When the bot began waiting at <see cref="TypebotInput"/> (the bot's clock); null when it waits for nothing.</summary>
    public DateTime? InputSince { get; init; }

    /// <summary>Nudges sent for the current wait.</summary>
    public int Nudges { get; init; }

    public DateTime? LastNudgeAt { get; init; }

    /// <summary>The contact said "parar": no nudges nor reminders, ever.</summary>
    public DateTime? NudgesStoppedAt { get; init; }

    public TypebotInputBlock? Input => TypebotInput is { } json ? JsonSerializer.Deserialize<TypebotInputBlock>(json, TypebotJson.Options) : null;
}

public static class ConversationModes
{
    public const string Bot = "bot";
    public const string Human = "human";
    public const string Closed = "closed";
}
