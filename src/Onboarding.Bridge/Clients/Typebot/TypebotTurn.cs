using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>
/// One answer of startChat or continueChat: the bubbles to show, the input the flow now waits for (none at the end),
/// and the client-side actions. Missing or null lists read as empty; unknown members are ignored.
/// </summary>
public sealed record TypebotTurn
{
    /// <summary>Only in the startChat answer.</summary>
    public string? SessionId { get; init; }

    /// <summary>Only in the startChat answer, and not when the flow ended inside it.</summary>
    public string? ResultId { get; init; }

    public IReadOnlyList<TypebotBubble> Messages { get; init => field = value ?? []; } = [];

    public TypebotInputBlock? Input { get; init; }

    /// <summary>Raw actions, e.g. <c>{"lastBubbleBlockId":"…","wait":{"secondsToWaitFor":2}}</c>.</summary>
    public IReadOnlyList<JsonElement> ClientSideActions { get; init => field = value ?? []; } = [];

    public IReadOnlyList<TypebotLog> Logs { get; init => field = value ?? []; } = [];

    /// <summary>The answer as Typebot saved it when it differs from the typed text (an E.164 phone, a lower-cased e-mail).</summary>
    public string? LastMessageNewFormat { get; init; }

    /// <summary>
    /// True when the flow has finished: no input and no action waiting for a reply. A live session that ends in
    /// continueChat is deleted by Typebot, so the next continueChat is a 404.
    /// </summary>
    [JsonIgnore]
    public bool EndsFlow => Input is null && !ClientSideActions.Any(ExpectsReply);

    private static bool ExpectsReply(JsonElement action) =>
        action.ValueKind == JsonValueKind.Object
        && action.TryGetProperty("expectsDedicatedReply", out var expects)
        && expects.ValueKind == JsonValueKind.True;
}

/// <summary>
/// A bubble; <see cref="Id"/> is its block id. <see cref="Type"/> is <c>text</c> (content <c>{type:"richText",richText}</c>
/// or <c>{type:"markdown",markdown}</c>), <c>image</c>, <c>video</c>, <c>audio</c> (content <c>{url}</c>), <c>embed</c>
/// or <c>custom-embed</c>.
/// </summary>
public sealed record TypebotBubble
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public JsonElement Content { get; init; }
}

/// <summary>An engine log line (<c>{status?,description,details?}</c>); live sessions never carry HTTP request logs.</summary>
public sealed record TypebotLog
{
    public string? Status { get; init; }

    public string? Description { get; init; }

    public JsonElement? Details { get; init; }
}
