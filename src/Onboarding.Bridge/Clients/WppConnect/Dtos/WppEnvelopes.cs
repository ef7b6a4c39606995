using System.Text.Json;
using System.Text.Json.Serialization;
using Onboarding.Bridge.Clients.WppConnect.Json;

namespace Onboarding.Bridge.Clients.WppConnect.Dtos;

/// <summary>The <c>{"status":"success","response":…}</c> envelope of most reads.</summary>
public sealed record WppEnvelope<T>
{
    public string? Status { get; init; }

    public T? Response { get; init; }

    public string? Message { get; init; }
}

/// <summary>
/// The 201 envelope of every send, <c>{"status":"success","response":[one per recipient],"mapper":"return"}</c>;
/// also the error body <c>{"status":"Error","message":…,"error":…}</c>.
/// </summary>
public sealed record WppSendEnvelope
{
    public string? Status { get; init; }

    [JsonConverter(typeof(OneOrManyJsonConverter<WppSendItem>))]
    public IReadOnlyList<WppSendItem> Response { get; init; } = [];

    public string? Message { get; init; }

    public JsonElement? Error { get; init; }
}

/// <summary>One recipient's result: a full Message for send-message, <c>{ack,id}</c> for files and locations.</summary>
public sealed record WppSendItem
{
    [JsonConverter(typeof(WidJsonConverter))]
    public string? Id { get; init; }

    public int? Ack { get; init; }

    public bool? IsSendFailure { get; init; }

    [JsonConverter(typeof(WidJsonConverter))]
    public string? To { get; init; }
}

/// <summary>Error bodies: <c>{"message":…}</c>, <c>{"error":"…"}</c>, <c>{"status":"error","message":…}</c>.</summary>
public sealed record WppError
{
    public JsonElement? Status { get; init; }

    public string? Message { get; init; }

    public JsonElement? Error { get; init; }

    public JsonElement? Response { get; init; }
}
