using System.Text.Json.Serialization;
using Onboarding.Bridge.Clients.WppConnect.Json;

namespace Onboarding.Bridge.Clients.WppConnect.Dtos;

/// <summary>A WhatsApp contact (<c>sender</c> of a message, <c>contact</c> of a chat).</summary>
public sealed record WppContact
{
    [JsonConverter(typeof(WidJsonConverter))]
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? ShortName { get; init; }

    public string? Pushname { get; init; }

    public string? FormattedName { get; init; }

    public string? VerifiedName { get; init; }

    public bool? IsBusiness { get; init; }

    public bool? IsMe { get; init; }
}
