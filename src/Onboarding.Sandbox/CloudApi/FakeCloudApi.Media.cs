using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.CloudApi;

/// <summary>
/// Media: upload (<c>POST /{phone-number-id}/media</c>, multipart <c>file</c>, <c>type</c>, <c>messaging_product</c>),
/// the URL behind an id (<c>GET /{media-id}</c>), its download with the same bearer token, and delete
/// (developers.facebook.com/docs/whatsapp/cloud-api/reference/media). Chatwoot fetches received files this way
/// (<c>media_url</c> in app/services/whatsapp/providers/whatsapp_cloud_service.rb, then the URL with its token).
/// </summary>
public sealed partial class FakeCloudApi
{
    /// <summary>"Media URLs expire after 5 minutes" (media reference): a client must not keep them.</summary>
    private static readonly TimeSpan MediaUrlLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Supported types and their size limits (media reference, "Supported media types").</summary>
    private static readonly Dictionary<string, long> MediaLimits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = 5 << 20,
        ["image/png"] = 5 << 20,
        ["image/webp"] = 500 << 10,
        ["audio/aac"] = 16 << 20,
        ["audio/amr"] = 16 << 20,
        ["audio/mpeg"] = 16 << 20,
        ["audio/mp4"] = 16 << 20,
        ["audio/ogg"] = 16 << 20,
        ["video/mp4"] = 16 << 20,
        ["video/3gpp"] = 16 << 20,
        ["text/plain"] = 100 << 20,
        ["application/pdf"] = 100 << 20,
        ["application/msword"] = 100 << 20,
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = 100 << 20,
        ["application/vnd.ms-excel"] = 100 << 20,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = 100 << 20,
    };

    private async Task UploadMedia(HttpContext ctx)
    {
        if (!ctx.Request.HasFormContentType)
        {
            await WriteError(ctx, GraphError.InvalidParameter("The parameter file is required."));
            return;
        }

        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
        if (form["messaging_product"].ToString() != "whatsapp")
        {
            await WriteError(ctx, GraphError.InvalidParameter("The parameter messaging_product is required."));
            return;
        }

        var file = form.Files["file"];
        if (file is null)
        {
            await WriteError(ctx, GraphError.InvalidParameter("The parameter file is required."));
            return;
        }

        var type = form["type"].ToString() is { Length: > 0 } t ? t : file.ContentType;
        var bare = type.Split(';')[0].Trim();
        if (!MediaLimits.TryGetValue(bare, out var limit))
        {
            await WriteError(ctx, GraphError.MediaUpload($"Param file must be a file with one of the following types: {string.Join(", ", MediaLimits.Keys)}. Received file of type '{bare}'."));
            return;
        }

        if (file.Length > limit)
        {
            await WriteError(ctx, GraphError.MediaUpload($"File is too big. Max file size for {bare} is {limit} bytes."));
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ctx.RequestAborted);
        var media = StoreMedia(buffer.ToArray(), type, file.FileName);
        await Write(ctx, 200, new JsonObject { ["id"] = media.Id });
    }

    private Task GetMediaUrl(HttpContext ctx)
    {
        var id = (string)ctx.Request.RouteValues["mediaId"]!;
        if (!_media.TryGetValue(id, out var media))
        {
            return WriteError(ctx, GraphError.UnknownObject(id, "get"));
        }

        var issued = Now().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var url = new Uri(BaseUrl, $"whatsapp_business/attachments/?mid={id}&ext={issued}&hash={UrlHash(id, issued)}");
        return Write(ctx, 200, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["url"] = url.ToString(),
            ["mime_type"] = media.MimeType,
            ["sha256"] = media.Sha256,
            ["file_size"] = media.Content.Length,
            ["id"] = media.Id,
        });
    }

    private Task DeleteMedia(HttpContext ctx)
    {
        var id = (string)ctx.Request.RouteValues["mediaId"]!;
        return _media.TryRemove(id, out _)
            ? Write(ctx, 200, new JsonObject { ["success"] = true })
            : WriteError(ctx, GraphError.UnknownObject(id, "delete"));
    }

    /// <summary>The download: the token is required here too, and the URL is refused once it is five minutes old.</summary>
    private async Task DownloadMedia(HttpContext ctx)
    {
        if (ctx.Request.Headers.Authorization.ToString() != "Bearer " + _options.AccessToken || _tokenExpired)
        {
            ctx.Response.StatusCode = 401;
            return;
        }

        var id = ctx.Request.Query["mid"].ToString();
        var issued = ctx.Request.Query["ext"].ToString();
        var fresh = long.TryParse(issued, CultureInfo.InvariantCulture, out var at)
            && Now() - DateTimeOffset.FromUnixTimeSeconds(at) <= MediaUrlLifetime;
        if (!fresh || ctx.Request.Query["hash"] != UrlHash(id, issued) || !_media.TryGetValue(id, out var media))
        {
            ctx.Response.StatusCode = 404;
            return;
        }

        ctx.Response.ContentType = media.MimeType;
        ctx.Response.ContentLength = media.Content.Length;
        await ctx.Response.Body.WriteAsync(media.Content, ctx.RequestAborted);
    }

    private string UrlHash(string id, string issued) => Convert.ToHexStringLower(
        HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_options.AppSecret), System.Text.Encoding.UTF8.GetBytes(id + ":" + issued)))[..16];
}
