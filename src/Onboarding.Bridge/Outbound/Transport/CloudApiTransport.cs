using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Governor;

namespace Onboarding.Bridge.Outbound.Transport;

/// <summary>
/// Meta's Cloud API: choices as reply buttons (at most 3, titles at most 20 characters,
/// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages) or a list (at
/// most 10 rows, titles at most 24, https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-list-messages),
/// else the numbered text, as Typebot's own WhatsApp integration falls back for what buttons cannot hold
/// (packages/whatsapp/src/convertInputToWhatsAppMessage.ts). Files are uploaded first and sent by media id: Meta
/// cannot reach our Chatwoot's private links.
/// </summary>
public sealed class CloudApiTransport(CloudApiClient cloud, NpgsqlDataSource dataSource, IOptions<CloudApiOptions> settings) : IWhatsAppTransport
{
    public const int MaxButtons = 3;
    public const int MaxButtonTitle = 20;
    public const int MaxRows = 10;
    public const int MaxRowTitle = 24;

    /// <summary>The body of an interactive message: 1,024 characters for buttons and lists alike.</summary>
    public const int MaxInteractiveBody = 1024;

    public bool HasServiceWindow => true;

    public Task<WppSendResult> SendTextAsync(string chat, string text, CancellationToken ct) => cloud.SendTextAsync(chat, text, ct);

    public Task<WppSendResult> SendChoiceAsync(string chat, string text, string body, IReadOnlyList<string> options, CancellationToken ct) =>
        Shape(body, options) switch
        {
            ChoiceShape.Buttons => cloud.SendButtonsAsync(chat, body, options, ct),
            ChoiceShape.List => cloud.SendListAsync(chat, body, settings.Value.ListButton, options, ct),
            _ => cloud.SendTextAsync(chat, text, ct),
        };

    /// <summary>What a choice becomes: buttons, a list, or (over the limits, or with repeated titles) the numbered text.</summary>
    public static ChoiceShape Shape(string body, IReadOnlyList<string> options)
    {
        if (options.Count == 0 || string.IsNullOrWhiteSpace(body) || body.Length > MaxInteractiveBody
            || options.Any(string.IsNullOrWhiteSpace) || options.Distinct(StringComparer.Ordinal).Count() != options.Count)
        {
            return ChoiceShape.Text;
        }

        if (options.Count <= MaxButtons && options.All(o => o.Length <= MaxButtonTitle))
        {
            return ChoiceShape.Buttons;
        }

        return options.Count <= MaxRows && options.All(o => o.Length <= MaxRowTitle) ? ChoiceShape.List : ChoiceShape.Text;
    }

    public async Task<WppSendResult> SendFileAsync(string chat, byte[] content, string contentType, string fileName, string? caption, CancellationToken ct)
    {
        string mediaId;
        try
        {
            mediaId = await cloud.UploadMediaAsync(content, contentType, fileName, ct);
        }
        catch (UpstreamException e)
        {
            // Nothing was sent: an upload refused for its type or size is refused again; Meta down may pass later.
            return new WppSendResult(e.IsTransient ? WppSendOutcome.NotSent : WppSendOutcome.Rejected, null, null, e.StatusCode, e.Message, e.RetryAfter);
        }

        return await cloud.SendMediaAsync(chat, KindOf(contentType), mediaId, caption, fileName, ct);
    }

    /// <summary>The message type Meta accepts for a MIME type: JPEG/PNG images, MP4/3GPP video, audio, else a document.</summary>
    public static string KindOf(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "image/jpeg" or "image/png" => "image",
        "video/mp4" or "video/3gpp" => "video",
        var t when t.StartsWith("audio/", StringComparison.Ordinal) => "audio",
        _ => "document",
    };

    public Task<WppSendResult> SendTemplateAsync(string chat, CloudTemplate template, IReadOnlyList<string> parameters, CancellationToken ct) =>
        cloud.SendTemplateAsync(chat, template.Name, template.Language, parameters, ct);

    public async Task TypingAsync(string chat, CancellationToken ct)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            if (await GovernorStore.DriverLastMessageAsync(connection, chat, ct) is { } messageId)
            {
                await cloud.MarkReadAsync(messageId, typing: true, ct);
            }
        }
        catch (Exception e) when (!RowFailure.IsInfrastructure(e, ct))
        {
            // A read receipt and "typing…" are courtesies: the message goes out without them.
        }
    }

    /// <summary>
    /// The Cloud API has no read of sent messages: an uncertain attempt (a timeout) is sent again, which may duplicate it.
    /// Timeouts are rare here (Meta answers before delivery), unlike WPPConnect's sends that wait for WhatsApp Web.
    /// </summary>
    public Task<string?> FindSentAsync(string chat, DateTime createdAt, string? text, CancellationToken ct) => Task.FromResult<string?>(null);
}

public enum ChoiceShape
{
    Text,
    Buttons,
    List,
}
