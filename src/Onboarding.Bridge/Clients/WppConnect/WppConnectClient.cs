using System.Net;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Onboarding.Bridge.Clients.WppConnect.Json;
using Refit;

namespace Onboarding.Bridge.Clients.WppConnect;

/// <summary>
/// The WPPConnect session as the bridge uses it: envelopes unwrapped, targets reduced to digits plus flags, and a 201
/// whose body reports a failure turned into a failed <see cref="WppSendResult"/>. Reads throw <see cref="UpstreamException"/>.
/// </summary>
public sealed partial class WppConnectClient(IWppConnectApi api, IOptions<WppConnectOptions> options)
{
    private const string Api = "WPPConnect";

    private string Session => options.Value.Session;

    public async Task<WppSessionStatus> StartSessionAsync(Uri? webhookUrl, CancellationToken ct = default)
    {
        using var response = await api.StartSessionAsync(Session, new WppStartSessionRequest(webhookUrl?.ToString()), ct);
        return Ensure(response, "start-session");
    }

    public async Task<WppSessionStatus> GetSessionStatusAsync(CancellationToken ct = default)
    {
        using var response = await api.GetSessionStatusAsync(Session, ct);
        return Ensure(response, "status-session");
    }

    /// <summary>The current QR as PNG bytes, or null when the server has none (not started, or connected).</summary>
    public async Task<byte[]?> GetQrCodePngAsync(CancellationToken ct = default)
    {
        using var response = await api.GetQrCodeAsync(Session, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure("qrcode-session", response.StatusCode, response.Headers);
        }

        return response.Content.Headers.ContentType?.MediaType == "image/png"
            ? await response.Content.ReadAsByteArrayAsync(ct)
            : null;
    }

    public async Task<IReadOnlyList<WppChat>> ListChatsAsync(WppListChatsRequest? filter = null, CancellationToken ct = default)
    {
        using var response = await api.ListChatsAsync(Session, filter ?? new WppListChatsRequest(), ct);
        return Ensure(response, "list-chats");
    }

    /// <summary>The last <paramref name="count"/> messages of a chat id as received (suffix included).</summary>
    public async Task<IReadOnlyList<WppMessage>> GetMessagesAsync(
        string chatId, int count = 20, string? beforeMessageId = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        using var response = await api.GetMessagesAsync(
            Session, chatId, count, beforeMessageId is null ? null : "before", beforeMessageId, ct);
        return Ensure(response, "get-messages").Response ?? [];
    }

    public Task<WppSendResult> SendTextAsync(string to, string text, CancellationToken ct = default) =>
        SendTextAsync(to, text, quotedMessageId: null, ct);

    public Task<WppSendResult> SendTextAsync(string to, string text, string? quotedMessageId, CancellationToken ct = default)
    {
        var r = WppRecipient.Parse(to);
        var body = new WppSendTextRequest(r.Digits, text, r.IsGroup, r.IsLid)
        {
            Options = quotedMessageId is null ? null : new WppSendOptions(quotedMessageId),
        };
        return SendAsync(() => api.SendMessageAsync(Session, body, ct), ct);
    }

    public Task<WppSendResult> SendImageAsync(
        string to, ReadOnlyMemory<byte> content, string mimeType, string fileName, string? caption, CancellationToken ct = default)
    {
        var r = WppRecipient.Parse(to);
        var body = new WppSendFileRequest(r.Digits, DataUri(content, mimeType), fileName, caption, r.IsGroup, r.IsLid);
        return SendAsync(() => api.SendImageAsync(Session, body, ct), ct);
    }

    public Task<WppSendResult> SendFileAsync(
        string to, ReadOnlyMemory<byte> content, string mimeType, string fileName, string? caption, CancellationToken ct = default)
    {
        var r = WppRecipient.Parse(to);
        var body = new WppSendFileRequest(r.Digits, DataUri(content, mimeType), fileName, caption, r.IsGroup, r.IsLid);
        return SendAsync(() => api.SendFileBase64Async(Session, body, ct), ct);
    }

    public Task<WppSendResult> SendLocationAsync(
        string to, double latitude, double longitude, string? title, string? address, CancellationToken ct = default)
    {
        var r = WppRecipient.Parse(to);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var body = new WppSendLocationRequest(
            r.Digits, latitude.ToString(inv), longitude.ToString(inv), title, address, r.IsGroup, r.IsLid);
        return SendAsync(() => api.SendLocationAsync(Session, body, ct), ct);
    }

    /// <summary>Sends the WhatsApp contact card of <paramref name="contactPhone"/> (for example the company's line).</summary>
    public Task<WppSendResult> SendContactCardAsync(string to, string contactPhone, string? name, CancellationToken ct = default)
    {
        var r = WppRecipient.Parse(to);
        var contact = WppRecipient.Parse(contactPhone);
        var body = new WppSendContactRequest(r.Digits, [contact.Digits], name, r.IsGroup, r.IsLid);
        return SendAsync(() => api.SendContactVcardAsync(Session, body, ct), ct);
    }

    /// <summary>Typing presence on (stays on until turned off or a message is sent) or off.</summary>
    public async Task SetTypingAsync(string to, bool typing, CancellationToken ct = default)
    {
        var r = WppRecipient.Parse(to);
        using var response = await api.SetTypingAsync(Session, new WppTypingRequest(r.Digits, typing, r.IsGroup, r.IsLid), ct);
        Ensure(response, "typing");
    }

    /// <summary>The decrypted media of a message, or null when the message has none.</summary>
    public async Task<WppMedia?> DownloadMediaAsync(string messageId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        using var response = await api.GetMediaByMessageAsync(Session, messageId, ct);
        if (response.StatusCode == HttpStatusCode.BadRequest
            && ErrorText(response)?.Contains("does not contain media", StringComparison.OrdinalIgnoreCase) == true)
        {
            return null;
        }

        var media = Ensure(response, "get-media-by-message");
        if (string.IsNullOrEmpty(media.Base64))
        {
            return null;
        }

        var base64 = media.Base64;
        var comma = base64.IndexOf(',', StringComparison.Ordinal);
        if (base64.StartsWith("data:", StringComparison.Ordinal) && comma > 0)
        {
            base64 = base64[(comma + 1)..];
        }

        return new WppMedia(Convert.FromBase64String(base64), media.Mimetype ?? "application/octet-stream");
    }

    /// <summary>The LID ↔ phone entry the server knows for a <c>@lid</c> or <c>@c.us</c> id; parts it lacks stay null.</summary>
    public async Task<WppPnLidEntry> LookupPnLidAsync(string chatId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        using var response = await api.GetPnLidAsync(Session, chatId, ct);
        return Ensure(response, "contact/pn-lid");
    }

    private static string DataUri(ReadOnlyMemory<byte> content, string mimeType) =>
        $"data:{mimeType};base64,{Convert.ToBase64String(content.Span)}";

    private static async Task<WppSendResult> SendAsync(Func<Task<IApiResponse<WppSendEnvelope>>> send, CancellationToken ct)
    {
        IApiResponse<WppSendEnvelope> response;
        try
        {
            response = await send();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return WppSendClassifier.FromException(e);
        }

        using (response)
        {
            if (response.HasRequestError(out var requestError))
            {
                return WppSendClassifier.FromException(requestError.InnerException ?? requestError);
            }

            return WppSendClassifier.FromResponse(
                response.StatusCode ?? HttpStatusCode.InternalServerError,
                response.IsSuccessStatusCode ? response.Content : null,
                ErrorText(response),
                RetryAfterReader.Read(response.Headers));
        }
    }

    private static T Ensure<T>(IApiResponse<T> response, string route)
    {
        if (response.HasRequestError(out var requestError))
        {
            throw new UpstreamException(Api, $"{route} got no answer: {requestError.InnerException?.GetType().Name}",
                statusCode: null, isTransient: true, inner: requestError);
        }

        if (response.IsSuccessStatusCode && response.Content is { } content)
        {
            return content;
        }

        if (response.IsSuccessStatusCode)
        {
            throw new UpstreamException(Api, $"{route} answered HTTP {(int?)response.StatusCode} with an unreadable body",
                response.StatusCode, isTransient: false, inner: response.Error);
        }

        throw Failure(route, response.StatusCode ?? HttpStatusCode.InternalServerError, response.Headers, ErrorText(response));
    }

    private static UpstreamException Failure(
        string route, HttpStatusCode status, System.Net.Http.Headers.HttpResponseHeaders? headers, string? detail = null)
    {
        // 404 is the "session not active" answer of every live-checked route: try again once it reconnects.
        var transient = UpstreamException.IsTransientStatus(status) || status == HttpStatusCode.NotFound;
        return new UpstreamException(Api, $"{route} failed with HTTP {(int)status}{(detail is null ? "" : ": " + detail)}",
            status, transient, RetryAfterReader.Read(headers));
    }

    private static string? ErrorText(IApiResponse response)
    {
        var raw = response.HasResponseError(out var error) ? error.Content : null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            var body = System.Text.Json.JsonSerializer.Deserialize<WppError>(raw, WppConnectJson.Options);
            // A send's 500 carries the thrown page error as an object (wppconnect src/api/helpers/evaluate-and-return.ts
            // copies its fields): its code says whether anything could have gone out (wa-js chat_not_found, docs/0025)
            // or that the number is restricted (WhatsApp's 463, docs/0028). Kept as "message: text (code)".
            var thrown = body?.Error is { ValueKind: System.Text.Json.JsonValueKind.Object } o ? o : (System.Text.Json.JsonElement?)null;
            var code = thrown is { } t1 && t1.TryGetProperty("code", out var c)
                ? c.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.String => c.GetString(),
                    System.Text.Json.JsonValueKind.Number => c.GetRawText(),
                    _ => null,
                }
                : null;
            var detail = thrown is { } t2 && t2.TryGetProperty("text", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.String ? d.GetString() : null;
            var text = body?.Message
                ?? (body?.Error is { ValueKind: System.Text.Json.JsonValueKind.String } e ? e.GetString() : null)
                ?? (body?.Response is { ValueKind: System.Text.Json.JsonValueKind.String } r ? r.GetString() : null);
            if (text is not null && detail is not null)
            {
                text += ": " + detail;
            }

            if (text is not null && code is not null)
            {
                text += $" ({code})";
            }

            return text is null ? null : Truncate(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return Truncate(raw);
        }
    }

    // Error bodies quote the number ("O número 351912345678 não existe."); keep them loggable.
    private static string Truncate(string text) =>
        LongDigits().Replace(text.Length <= 200 ? text : text[..200], m => $"{m.Value[..3]}…{m.Value[^2..]}");

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{7,}")]
    private static partial System.Text.RegularExpressions.Regex LongDigits();
}
