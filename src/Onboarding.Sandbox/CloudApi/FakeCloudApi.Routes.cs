using System.Text.Json;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.Faults;

namespace Onboarding.Sandbox.CloudApi;

public sealed partial class FakeCloudApi
{
    private void Map(WebApplication app)
    {
        _requests.Attach(app);
        app.UseFaults(Faults);
        var prefix = _options.BasePath.Trim('/');
        IEndpointRouteBuilder graph = prefix.Length == 0 ? app : app.MapGroup("/" + prefix);

        // Messages API: POST /{Version}/{Phone-Number-ID}/messages (developers.facebook.com/docs/whatsapp/cloud-api/reference/messages).
        graph.MapPost("/{version}/{phoneNumberId}/messages", ctx => Graph(ctx, PostMessage));

        // Media API (developers.facebook.com/docs/whatsapp/cloud-api/reference/media): upload, retrieve the URL, delete.
        graph.MapPost("/{version}/{phoneNumberId}/media", ctx => Graph(ctx, UploadMedia));
        graph.MapGet("/{version}/{mediaId}", ctx => Graph(ctx, GetMediaUrl));
        graph.MapDelete("/{version}/{mediaId}", ctx => Graph(ctx, DeleteMedia));

        // The media URL itself (lookaside.fbsbx.com in production): the same bearer token, valid five minutes.
        graph.MapGet("/whatsapp_business/attachments/", DownloadMedia);
    }

    /// <summary>
    /// The Graph API's checks before any handler: a valid token (<c>Authorization: Bearer</c> or <c>access_token</c> in
    /// the query, as Chatwoot's template sync passes it), the configured version, and our phone-number id.
    /// </summary>
    private async Task Graph(HttpContext ctx, Func<HttpContext, Task> handler)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : ctx.Request.Query["access_token"].ToString();
        if (string.IsNullOrEmpty(token))
        {
            await WriteError(ctx, GraphError.InvalidToken("An active access token must be used to query information about the current user."));
            return;
        }

        if (!string.Equals(token, _options.AccessToken, StringComparison.Ordinal))
        {
            await WriteError(ctx, GraphError.InvalidToken("Invalid OAuth access token - Cannot parse access token"));
            return;
        }

        if (_tokenExpired)
        {
            await WriteError(ctx, GraphError.ExpiredToken());
            return;
        }

        if ((string?)ctx.Request.RouteValues["version"] != _options.GraphApiVersion)
        {
            await WriteError(ctx, GraphError.UnknownPath(ctx.Request.Path));
            return;
        }

        if (ctx.Request.RouteValues["phoneNumberId"] is string id && id != _options.PhoneNumberId)
        {
            await WriteError(ctx, GraphError.UnknownObject(id, ctx.Request.Method.ToLowerInvariant()));
            return;
        }

        await handler(ctx);
    }

    private static Task WriteError(HttpContext ctx, GraphError error)
    {
        // Graph names the failure in this header too (Graph API error handling, "WWW-Authenticate").
        if (error.HttpStatus == 401)
        {
            ctx.Response.Headers.WWWAuthenticate = $"OAuth \"Facebook Platform\" \"invalid_token\" \"{error.Title}\"";
        }

        return Write(ctx, error.HttpStatus, error.ToResponse());
    }

    private static Task Write(HttpContext ctx, int status, JsonNode body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=UTF-8";
        return ctx.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>The request's JSON object, or null when the body is not one.</summary>
    private static async Task<JsonObject?> ReadObject(HttpContext ctx)
    {
        try
        {
            return await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
