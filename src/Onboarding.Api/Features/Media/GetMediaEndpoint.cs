using FastEndpoints;
using Onboarding.Api.Errors;
using Onboarding.Bridge.Bot.Media;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Inbound.Processing;

namespace Onboarding.Api.Features.Media;

/// <summary>
/// A file a driver sent on WhatsApp, for Typebot's file input: the link is the credential (HMAC-signed message id and
/// expiry), so it works without a key, only for that file, and only for a while. Only images, PDF, audio and video are
/// served, with headers that stop a browser from running them as a page (<see cref="MediaServing"/>).
/// </summary>
public sealed class GetMediaEndpoint(MediaLinks links, InboundMedia files) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/" + MediaLinks.RoutePrefix + "{id}");
        AllowAnonymous();
        Description(d => d.WithTags("Media").Produces(200).Produces(403).Produces(404).Produces(415).Produces(502), clearDefaults: true);
        Summary(s => s.Summary = "A WhatsApp file behind a signed, expiring link (given to Typebot for file inputs)");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<string>("id") ?? "";
        if (!links.Verify(id, Query<string>("exp", isRequired: false), Query<string>("sig", isRequired: false)))
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 403, "media.link_invalid", "The link is invalid or has expired.");
            return;
        }

        try
        {
            if (await files.FindAsync(id, ct) is not { } media)
            {
                await ApiErrorWriter.WriteAsync(HttpContext, 404, "media.not_found", "WhatsApp no longer has this file.");
                return;
            }

            if (MediaServing.Allowed(media.MimeType) is not { } type)
            {
                await ApiErrorWriter.WriteAsync(HttpContext, 415, "media.type_refused", "This kind of file is not served here.");
                return;
            }

            MediaServing.SetHeaders(HttpContext.Response, type);
            await Send.BytesAsync(media.Content, contentType: type, cancellation: ct);
        }
        catch (UpstreamException e)
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 502, "media.upstream", $"WPPConnect could not give the file: {e.Message}");
        }
    }
}
