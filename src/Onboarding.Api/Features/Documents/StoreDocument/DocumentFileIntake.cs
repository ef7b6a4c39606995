using System.Net;
using Microsoft.Extensions.Options;
using Onboarding.Api.Features.Drivers.RegisterDriver;
using Onboarding.Bridge;
using Onboarding.Bridge.Bot.Media;
using Onboarding.Bridge.Clients.Fetching;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Inbound.Processing;
using Onboarding.Data.Documents.Checklist;
using Onboarding.Data.Documents.Files;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Documents.StoreDocument;

/// <summary>A file read for a document: its bytes and sniffed type, or the problem to tell the driver.</summary>
public sealed record IntakeResult(byte[]? Bytes, string? ContentType, FieldProblem? Problem);

/// <summary>
/// Reads the file behind the URL a flow's file input gave (docs/0033). Our own signed media links (what the bridge
/// gives Typebot for a WhatsApp photo) are verified and read here, without a request to ourselves; any other URL
/// goes through the trusted fetcher (Typebot's own upload storage, docs/0018). The type comes from the bytes.
/// </summary>
public sealed partial class DocumentFileIntake(
    MediaLinks links, InboundMedia media, TrustedFetcher fetcher, IOptions<BridgeOptions> bridge, ILogger<DocumentFileIntake> logger)
{
    private const string Field = "file_url";

    public async Task<IntakeResult> ReadAsync(string? url, DocumentKind kind, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return Fail(DriverTexts.FileMissing.With());
        }

        // A file input that allows several files joins their URLs with ", ": the first is the document.
        var first = url.Split(", ", 2)[0].Trim();
        if (!Uri.TryCreate(first, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return Fail(DriverTexts.FileMissing.With());
        }

        byte[]? bytes;
        try
        {
            bytes = OwnMediaId(uri) is { } id ? await OwnMediaAsync(id, uri, ct) : await FetchAsync(uri, ct);
        }
        catch (Exception e) when (e is RefusedFetchException or UpstreamException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogUnreachable(uri.Host, e.Message);
            return Fail(DriverTexts.FileUnreachable.With());
        }

        if (bytes is null || bytes.Length == 0)
        {
            return Fail(DriverTexts.FileUnreachable.With());
        }

        if (bytes.Length > kind.MaxBytes)
        {
            return Fail(DriverTexts.FileTooLarge.With(kind.MaxBytes / (1024 * 1024)));
        }

        var type = FileSniffer.Sniff(bytes);
        if (type == FileSniffer.Heic)
        {
            return Fail(DriverTexts.FileHeic.With());
        }

        return type is null || !kind.AcceptedTypes.Contains(type)
            ? Fail(DriverTexts.FileType.With(string.Join(", ", kind.AcceptedTypes.Select(Short))))
            : new IntakeResult(bytes, type, null);
    }

    /// <summary>The WhatsApp message id of a link to our own media route, or null for any other URL.</summary>
    private string? OwnMediaId(Uri uri)
    {
        if (bridge.Value.PublicUrl is not { } publicUrl)
        {
            return null;
        }

        var prefix = new Uri(publicUrl, MediaLinks.RoutePrefix).AbsolutePath;
        return Uri.Compare(uri, publicUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            && uri.AbsolutePath.StartsWith(prefix, StringComparison.Ordinal)
            ? Uri.UnescapeDataString(uri.AbsolutePath[prefix.Length..])
            : null;
    }

    private async Task<byte[]?> OwnMediaAsync(string id, Uri uri, CancellationToken ct)
    {
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        if (!links.Verify(id, query["exp"], query["sig"]))
        {
            throw new RefusedFetchException("the media link is invalid or has expired");
        }

        return (await media.FindAsync(id, ct))?.Content;
    }

    private async Task<byte[]?> FetchAsync(Uri uri, CancellationToken ct)
    {
        var file = await fetcher.GetAsync(uri, ct);
        return file.Status == HttpStatusCode.OK ? file.Bytes : null;
    }

    private static string Short(string type) => type switch
    {
        DocumentTypes.Jpeg => "JPEG",
        DocumentTypes.Png => "PNG",
        DocumentTypes.Pdf => "PDF",
        _ => type,
    };

    private static IntakeResult Fail(DriverMessage message) => new(null, null, FieldProblem.Of(Field, message));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A document file from {Host} could not be read: {Reason}")]
    private partial void LogUnreachable(string host, string reason);
}
