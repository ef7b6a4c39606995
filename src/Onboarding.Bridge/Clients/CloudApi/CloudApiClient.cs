using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect;

namespace Onboarding.Bridge.Clients.CloudApi;

/// <summary>
/// The Graph API calls the bridge makes, with Meta's documented shapes: messages
/// (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages), media upload and retrieval
/// (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media), read receipts with the typing indicator
/// (https://developers.facebook.com/docs/whatsapp/cloud-api/typing-indicators). Sends answer a <see cref="WppSendResult"/>
/// (the send result both transports share); other calls throw <see cref="UpstreamException"/>.
/// </summary>
public sealed class CloudApiClient(IHttpClientFactory clients, IOptions<CloudApiOptions> options)
{
    public const string HttpClientName = "cloudapi";
    private const string Api = "CloudApi";

    private CloudApiOptions Options => options.Value;

    private string MessagesPath => $"{Options.ApiVersion}/{Options.PhoneNumberId}/messages";

    public Task<WppSendResult> SendTextAsync(string to, string text, CancellationToken ct) =>
        SendAsync(Message(to, "text", new { preview_url = false, body = text }), ct);

    /// <summary>An uploaded medium: <paramref name="kind"/> is <c>image</c>, <c>video</c>, <c>audio</c> or <c>document</c>.</summary>
    public Task<WppSendResult> SendMediaAsync(string to, string kind, string mediaId, string? caption, string? fileName, CancellationToken ct)
    {
        var media = new Dictionary<string, object> { ["id"] = mediaId };
        if (!string.IsNullOrEmpty(caption) && kind != "audio")
        {
            media["caption"] = caption;
        }

        if (kind == "document" && !string.IsNullOrEmpty(fileName))
        {
            media["filename"] = fileName;
        }

        return SendAsync(Message(to, kind, media), ct);
    }

    /// <summary>Reply buttons (at most 3, titles at most 20 characters); each button's id is its option's number.</summary>
    public Task<WppSendResult> SendButtonsAsync(string to, string body, IReadOnlyList<string> titles, CancellationToken ct) =>
        SendAsync(Message(to, "interactive", new
        {
            type = "button",
            body = new { text = body },
            action = new
            {
                buttons = titles.Select((t, i) => new { type = "reply", reply = new { id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), title = t } }),
            },
        }), ct);

    /// <summary>A list (at most 10 rows, titles at most 24 characters) opened by a button labelled <paramref name="button"/>.</summary>
    public Task<WppSendResult> SendListAsync(string to, string body, string button, IReadOnlyList<string> titles, CancellationToken ct) =>
        SendAsync(Message(to, "interactive", new
        {
            type = "list",
            body = new { text = body },
            action = new
            {
                button,
                sections = new[]
                {
                    new { rows = titles.Select((t, i) => new { id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), title = t }) },
                },
            },
        }), ct);

    /// <summary>An approved template with its body parameters as text, in order.</summary>
    public Task<WppSendResult> SendTemplateAsync(string to, string name, string language, IReadOnlyList<string> parameters, CancellationToken ct)
    {
        var template = new Dictionary<string, object>
        {
            ["name"] = name,
            ["language"] = new { code = language },
        };
        if (parameters.Count > 0)
        {
            template["components"] = new[]
            {
                new { type = "body", parameters = parameters.Select(p => new { type = "text", text = p }) },
            };
        }

        return SendAsync(Message(to, "template", template), ct);
    }

    /// <summary>Marks the driver's message read and shows "typing…" until our next message or 25 s.</summary>
    public async Task MarkReadAsync(string messageId, bool typing, CancellationToken ct)
    {
        object body = typing
            ? new { messaging_product = "whatsapp", status = "read", message_id = messageId, typing_indicator = new { type = "text" } }
            : new { messaging_product = "whatsapp", status = "read", message_id = messageId };
        using var http = clients.CreateClient(HttpClientName);
        using var response = await http.PostAsJsonAsync(MessagesPath, body, ct);
        await EnsureAsync(response, "mark read", ct);
    }

    /// <summary>Uploads a file for sending; returns its media id.</summary>
    public async Task<string> UploadMediaAsync(ReadOnlyMemory<byte> content, string mimeType, string fileName, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(mimeType), "type" },
        };
        var file = new ReadOnlyMemoryContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(mimeType);
        form.Add(file, "file", fileName);
        using var http = clients.CreateClient(HttpClientName);
        using var response = await http.PostAsync($"{Options.ApiVersion}/{Options.PhoneNumberId}/media", form, ct);
        var json = await EnsureAsync(response, "media upload", ct);
        return json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
            ? value
            : throw new UpstreamException(Api, "media upload answered without an id", response.StatusCode, isTransient: false);
    }

    /// <summary>
    /// The first of a received file's two steps: the media id's short-lived URL and MIME type (<c>GET /{version}/{media-id}</c>).
    /// Null when Meta no longer has it (media ids last 30 days). The second step, the URL itself with
    /// <see cref="Authorization"/>, goes through the trusted fetcher (InboundMedia).
    /// </summary>
    public async Task<CloudMediaUrl?> MediaUrlAsync(string mediaId, CancellationToken ct)
    {
        using var http = clients.CreateClient(HttpClientName);
        using var response = await http.GetAsync($"{Options.ApiVersion}/{Uri.EscapeDataString(mediaId)}?phone_number_id={Uri.EscapeDataString(Options.PhoneNumberId)}", ct);
        if (response.StatusCode is HttpStatusCode.NotFound || (response.StatusCode == HttpStatusCode.BadRequest
            && CloudSendClassifier.ReadError(await response.Content.ReadAsStringAsync(ct))?.Code == 100))
        {
            return null;
        }

        var info = await EnsureAsync(response, "media url", ct);
        if (!info.TryGetProperty("url", out var u) || u.ValueKind != JsonValueKind.String || !Uri.TryCreate(u.GetString(), UriKind.Absolute, out var url))
        {
            throw new UpstreamException(Api, "media url answered without a url", response.StatusCode, isTransient: false);
        }

        return new CloudMediaUrl(url, info.TryGetProperty("mime_type", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null);
    }

    /// <summary>The bearer token a media URL wants (Meta answers 401 without it).</summary>
    public AuthenticationHeaderValue Authorization => new("Bearer", Options.AccessToken);

    private static object Message(string to, string type, object content) => new Dictionary<string, object>
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        ["to"] = Recipient(to),
        ["type"] = type,
        [type] = content,
    };

    /// <summary><c>351912345678@c.us</c> (our chat id) → <c>351912345678</c> (Meta's <c>wa_id</c>).</summary>
    public static string Recipient(string chat)
    {
        var at = chat.IndexOf('@', StringComparison.Ordinal);
        return (at < 0 ? chat : chat[..at]).TrimStart('+');
    }

    private async Task<WppSendResult> SendAsync(object body, CancellationToken ct)
    {
        try
        {
            using var http = clients.CreateClient(HttpClientName);
            using var response = await http.PostAsJsonAsync(MessagesPath, body, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            return CloudSendClassifier.FromResponse(response.StatusCode, text, RetryAfterReader.Read(response.Headers));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return CloudSendClassifier.FromException(e);
        }
    }

    private static async Task<JsonElement> EnsureAsync(HttpResponseMessage response, string call, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                return doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new UpstreamException(Api, $"{call} answered HTTP {(int)response.StatusCode} with an unreadable body", response.StatusCode, false, inner: e);
            }
        }

        var error = CloudSendClassifier.ReadError(text);
        throw new UpstreamException(Api, $"{call} failed with HTTP {(int)response.StatusCode}: {CloudSendClassifier.Describe(error, (int)response.StatusCode)}",
            response.StatusCode, UpstreamException.IsTransientStatus(response.StatusCode), RetryAfterReader.Read(response.Headers));
    }
}

/// <summary>Where a received file can be downloaded for a few minutes, and its MIME type.</summary>
public sealed record CloudMediaUrl(Uri Url, string? MimeType);
