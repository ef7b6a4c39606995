using System.Net.Http.Headers;
using Refit;

namespace Onboarding.Bridge.Clients.Chatwoot;

/// <summary>
/// A file in a multipart message. Refit's <c>ByteArrayPart</c> sets its type with <c>new MediaTypeHeaderValue(string)</c>,
/// which takes a bare media type only: WhatsApp's voice notes are <c>audio/ogg; codecs=opus</c>, and that threw
/// <see cref="FormatException"/> on every attempt. Here the type is parsed whole, parameters included; one that does
/// not parse at all is sent as <c>application/octet-stream</c> rather than failing the message.
/// </summary>
public sealed class ChatwootFilePart(byte[] content, string fileName, string contentType) : MultipartItem(fileName, contentType: null)
{
    public string MediaType { get; } = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.ToString() : "application/octet-stream";

    protected override HttpContent CreateContent()
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(MediaType);
        return part;
    }
}
