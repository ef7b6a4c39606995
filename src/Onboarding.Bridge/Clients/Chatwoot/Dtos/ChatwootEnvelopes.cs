using System.Text.Json;

namespace Onboarding.Bridge.Clients.Chatwoot.Dtos;

/// <summary><c>{"payload": …}</c>: contact show, contact conversations, labels.</summary>
public sealed record ChatwootPayload<T>
{
    public T? Payload { get; init; }
}

/// <summary><c>{"meta":{"count","current_page"},"payload":[…]}</c>: contact search and filter.</summary>
public sealed record ChatwootPage<T>
{
    public ChatwootPageMeta? Meta { get; init; }

    public List<T>? Payload { get; init; }
}

public sealed record ChatwootPageMeta
{
    public int Count { get; init; }

    /// <summary>A number or a string echo of the query parameter.</summary>
    public JsonElement? CurrentPage { get; init; }
}

/// <summary>Error bodies: <c>{"error":"…"}</c> or <c>{"message":"…","attributes":[…]}</c>.</summary>
public sealed record ChatwootError
{
    public JsonElement? Error { get; init; }

    public string? Message { get; init; }

    public List<string>? Attributes { get; init; }
}

public sealed record ChatwootFilterRequest(IReadOnlyList<ChatwootFilter> Payload);

/// <summary>One filter condition; <c>query_operator</c> joins it to the next (null on the last).</summary>
public sealed record ChatwootFilter(string AttributeKey, string FilterOperator, IReadOnlyList<string> Values, string? QueryOperator = null);
