using System.Text.Json.Serialization;
using Onboarding.Bridge.Clients.WppConnect.Json;

namespace Onboarding.Bridge.Clients.WppConnect.Dtos;

/// <summary><c>get-media-by-message</c>: raw base64 (no data: prefix) and its MIME type.</summary>
public sealed record WppMediaResponse
{
    public string? Base64 { get; init; }

    public string? Mimetype { get; init; }
}

/// <summary>
/// <c>contact/pn-lid</c> answer (unwrapped). Unknown parts are omitted: a fresh LID usually has no phone number.
/// </summary>
public sealed record WppPnLidEntry
{
    [JsonConverter(typeof(WidJsonConverter))]
    public string? Lid { get; init; }

    [JsonConverter(typeof(WidJsonConverter))]
    public string? PhoneNumber { get; init; }

    public WppContact? Contact { get; init; }
}
