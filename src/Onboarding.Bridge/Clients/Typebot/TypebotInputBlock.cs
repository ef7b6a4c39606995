using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>
/// The input block the flow waits on, variables already substituted: <c>text input</c>, <c>choice input</c>,
/// <c>picture choice input</c>, <c>email input</c>, <c>file input</c>, … Items hidden by a display condition are absent.
/// </summary>
public sealed record TypebotInputBlock
{
    public const string Choice = "choice input";

    public const string PictureChoice = "picture choice input";

    public string Id { get; init => field = value ?? ""; } = "";

    public string Type { get; init => field = value ?? ""; } = "";

    public IReadOnlyList<TypebotChoiceItem> Items { get; init => field = value ?? []; } = [];

    public JsonElement? Options { get; init; }

    public string? PrefilledValue { get; init; }

    [JsonIgnore]
    public bool IsChoice => Type is Choice or PictureChoice;

    [JsonIgnore]
    public bool IsMultipleChoice =>
        Options is { ValueKind: JsonValueKind.Object } options
        && options.TryGetProperty("isMultipleChoice", out var multiple)
        && multiple.ValueKind == JsonValueKind.True;
}

/// <summary>
/// A button (<see cref="Content"/>) or a picture choice (<see cref="Title"/>, <see cref="PictureSrc"/>);
/// <see cref="Value"/> is what Typebot saves instead of the label when set.
/// </summary>
public sealed record TypebotChoiceItem
{
    public string Id { get; init => field = value ?? ""; } = "";

    public string? Content { get; init; }

    public string? Value { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? PictureSrc { get; init; }

    /// <summary>What the driver reads: the button text, or the picture's title.</summary>
    [JsonIgnore]
    public string Label => (Content ?? Title ?? Value ?? "").Trim();
}
