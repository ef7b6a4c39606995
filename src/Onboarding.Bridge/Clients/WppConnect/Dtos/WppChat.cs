using System.Text.Json.Serialization;
using Onboarding.Bridge.Clients.WppConnect.Json;

namespace Onboarding.Bridge.Clients.WppConnect.Dtos;

/// <summary>An element of <c>list-chats</c> (returned as a bare array).</summary>
public sealed record WppChat
{
    [JsonConverter(typeof(WidJsonConverter))]
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>Last activity, Unix seconds: the catch-up cursor.</summary>
    public long? T { get; init; }

    public int? UnreadCount { get; init; }

    public bool IsGroup { get; init; }

    public bool? Archive { get; init; }

    public WppMessageKey? LastReceivedKey { get; init; }

    public WppContact? Contact { get; init; }
}

/// <summary>A message key, <c>{fromMe, remote, id, _serialized}</c>.</summary>
public sealed record WppMessageKey
{
    public bool FromMe { get; init; }

    [JsonConverter(typeof(WidJsonConverter))]
    public string? Remote { get; init; }

    public string? Id { get; init; }

    [JsonPropertyName("_serialized")]
    public string? Serialized { get; init; }
}
