using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.CloudApi;

/// <summary>A message held by the fake, in either direction, with its content as the Graph API carries it.</summary>
public sealed class CloudMessage
{
    private string _status = "";

    /// <summary>The <c>wamid.…</c> id.</summary>
    public required string Id { get; init; }

    /// <summary>The user's WhatsApp id (digits).</summary>
    public required string WaId { get; init; }

    /// <summary>Sent by our business number through the API (else written on the user's phone).</summary>
    public required bool FromBusiness { get; init; }

    /// <summary><c>text</c>, <c>image</c>, <c>audio</c>, <c>video</c>, <c>document</c>, <c>sticker</c>, <c>location</c>, <c>contacts</c>, <c>interactive</c>, <c>reaction</c>, <c>template</c>, <c>button</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The object under the type's key (<c>{"body":…}</c> for text), as sent or as the webhook carries it.</summary>
    public required JsonNode Content { get; init; }

    /// <summary>The message this one answers (<c>context.id</c>, or <c>context.message_id</c> on a send).</summary>
    public string? ContextId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>A template's body with its parameters filled in, as the phone shows it.</summary>
    public string? Rendered { get; init; }

    /// <summary>The file behind a media message (uploaded, fetched from its link or sent by the phone).</summary>
    public byte[]? Media { get; set; }

    /// <summary>
    /// Ours: <c>accepted</c>, <c>sent</c>, <c>delivered</c>, <c>read</c> or <c>failed</c>. The user's: <c>received</c>,
    /// then <c>read</c> once we marked it read.
    /// </summary>
    public string Status
    {
        get => Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, value);
    }

    /// <summary>Why a message of ours failed (the error of its <c>failed</c> status).</summary>
    public GraphError? Error { get; set; }

    /// <summary>A document's file name, as sent or as the phone named it.</summary>
    public string? FileName => Type == "document" ? MessageRules.Str(Content["filename"]) : null;

    /// <summary>What a phone shows as the message's text (never a file's bytes).</summary>
    public string? Text => Type switch
    {
        "text" => Content["body"]?.GetValue<string>(),
        "image" or "video" or "document" => Content["caption"]?.GetValue<string>() ?? Content["filename"]?.GetValue<string>(),
        "interactive" => InteractiveText(),
        "location" => Content["name"]?.GetValue<string>() ?? $"{Content["latitude"]}, {Content["longitude"]}",
        "contacts" => Content.AsArray().FirstOrDefault()?["name"]?["formatted_name"]?.GetValue<string>(),
        "reaction" => Content["emoji"]?.GetValue<string>(),
        "button" => Content["text"]?.GetValue<string>(),
        "template" => Rendered ?? Content["name"]?.GetValue<string>(),
        _ => null,
    };

    private string? InteractiveText() => Content["type"]?.GetValue<string>() switch
    {
        "button_reply" => Content["button_reply"]?["title"]?.GetValue<string>(),
        "list_reply" => Content["list_reply"]?["title"]?.GetValue<string>(),
        _ => Content["body"]?["text"]?.GetValue<string>(),
    };
}
