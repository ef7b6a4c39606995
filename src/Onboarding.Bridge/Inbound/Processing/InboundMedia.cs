using System.Text.Json;
using Npgsql;
using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Clients.Fetching;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Onboarding.Bridge.Clients.WppConnect.Json;
using Onboarding.Bridge.Inbound.Ledger;

namespace Onboarding.Bridge.Inbound.Processing;

/// <summary>
/// The file of a media message: first the bytes the webhook already brought, then <c>get-media-by-message</c>.
/// WPPConnect Server 2.10.4 has <c>webhook.autoDownload: true</c> by default (<c>src/config.ts</c>), and its
/// <c>autoDownload</c> (<c>src/util/functions.ts</c>, called from <c>callWebHook</c>) replaces the <c>body</c> of any
/// event with a <c>mimetype</c> by the whole decrypted file as bare base64 before posting it. Without it, and in
/// REST reads (<c>get-messages</c>, so in rows the catch-up recorded), <c>body</c> holds at most a JPEG thumbnail;
/// a body is taken as the file only when its size is the message's <c>size</c>. A message that came over the Cloud API
/// has its media id instead, and the file is asked of Meta with it in two steps (<see cref="CloudApiClient.MediaUrlAsync"/>, then the URL).
/// </summary>
public sealed class InboundMedia(WppConnectClient wpp, CloudApiClient cloud, TrustedFetcher fetcher, NpgsqlDataSource dataSource)
{
    /// <summary>How many processings may wait for WPPConnect to serve the file before the row settles for a placeholder.</summary>
    public const int DownloadAttempts = 3;

    /// <summary>
    /// How long a media row that a read of the chat recorded (catch-up, order peek) waits for its webhook before the
    /// file is asked of <c>get-media-by-message</c>, which often answers "Message not found" for received media: the
    /// webhook's <c>body</c> replaces the row's payload when it comes (<c>InboundLedger.RecordAsync</c>).
    /// </summary>
    public static readonly TimeSpan WebhookWait = TimeSpan.FromSeconds(10);

    /// <summary>A media row recorded moments ago from a read, whose file its webhook may still bring.</summary>
    public static bool AwaitsWebhook(LedgerRow row, WppMessage message) =>
        row.ReceivedVia == "poll" && row.ChatwootMessageId is null && row.Age < WebhookWait
        && InboundContent.IsMedia(message) && !(message.Size > InboundContent.MaxAttachmentBytes) && FromBody(message) is null;

    /// <summary>The file, or null when neither the webhook nor WPPConnect has it (the message becomes a placeholder).</summary>
    public async Task<WppMedia?> ResolveAsync(WppMessage message, int attempts, CancellationToken ct)
    {
        var mimeType = string.IsNullOrWhiteSpace(message.Mimetype) ? null : message.Mimetype;
        if (FromBody(message) is { } bytes)
        {
            return new WppMedia(bytes, mimeType ?? "application/octet-stream");
        }

        if (message.Id is not { } id)
        {
            return null;
        }

        try
        {
            return await DownloadAsync(message, id, ct) is { } media
                ? media with { MimeType = mimeType ?? media.MimeType }
                : null;
        }
        catch (UpstreamException e) when (!e.IsTransient || attempts >= DownloadAttempts)
        {
            // 400 "Message not found": WhatsApp Web no longer holds it. Retrying cannot bring it back.
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The file of a message by its WhatsApp id (the media route behind Typebot's file links): the bytes its ledger
    /// row holds, else <c>get-media-by-message</c>. Null when neither has it; an upstream failure is thrown.
    /// </summary>
    public async Task<WppMedia?> FindAsync(string waMessageId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var payload = await InboundLedger.FindPayloadAsync(connection, waMessageId, ct);
        var message = payload is null ? null : JsonSerializer.Deserialize<WppMessage>(payload, WppConnectJson.Options);
        if (message is not null && FromBody(message) is { } bytes)
        {
            return new WppMedia(bytes, string.IsNullOrWhiteSpace(message.Mimetype) ? "application/octet-stream" : message.Mimetype);
        }

        return await DownloadAsync(message, waMessageId, ct) is { } media
            ? media with { MimeType = string.IsNullOrWhiteSpace(message?.Mimetype) ? media.MimeType : message.Mimetype }
            : null;
    }

    private Task<WppMedia?> DownloadAsync(WppMessage? message, string waMessageId, CancellationToken ct) =>
        message?.CloudApiMediaId is { Length: > 0 } mediaId ? DownloadCloudAsync(mediaId, ct) : wpp.DownloadMediaAsync(waMessageId, ct);

    /// <summary>The Cloud API's two steps: the media id's URL, then the URL with the bearer token through the trusted fetcher.</summary>
    private async Task<WppMedia?> DownloadCloudAsync(string mediaId, CancellationToken ct)
    {
        if (await cloud.MediaUrlAsync(mediaId, ct) is not { } media)
        {
            return null;
        }

        var file = await fetcher.GetAsync(media.Url, ct, cloud.Authorization);
        if (file.Bytes is not { } bytes)
        {
            throw new UpstreamException("CloudApi", $"media download failed with HTTP {(int)file.Status}", file.Status,
                UpstreamException.IsTransientStatus(file.Status));
        }

        return new WppMedia(bytes, media.MimeType ?? file.ContentType ?? "application/octet-stream");
    }

    /// <summary>The whole file when the body holds it (auto-download); null for a thumbnail, text or nothing.</summary>
    public static byte[]? FromBody(WppMessage message)
    {
        var body = message.Body;
        if (string.IsNullOrEmpty(body) || body.Length > InboundContent.MaxAttachmentBytes / 3 * 4 + 4)
        {
            return null;
        }

        var comma = body.IndexOf(',', StringComparison.Ordinal);
        if (body.StartsWith("data:", StringComparison.Ordinal) && comma > 0)
        {
            body = body[(comma + 1)..];
        }

        var buffer = new byte[body.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(body, buffer, out var written) || written == 0)
        {
            return null;
        }

        var bytes = buffer[..written];
        return message.Size is { } size ? (written == size ? bytes : null) : LooksLikeThumbnail(bytes, message.Mimetype) ? null : bytes;
    }

    private const int ThumbnailMaxBytes = 16 * 1024;

    private static bool LooksLikeThumbnail(byte[] bytes, string? mimeType) =>
        bytes is [0xFF, 0xD8, 0xFF, ..]
        && (mimeType is null || !InboundContent.BareMimeType(mimeType).Equals("image/jpeg", StringComparison.OrdinalIgnoreCase) || bytes.Length < ThumbnailMaxBytes);
}
