using System.Globalization;
using System.Text;

namespace Onboarding.Api.Tests.Fuzz;

/// <summary>Which error body a route owes its callers (README, "The API").</summary>
public enum ErrorShape
{
    /// <summary><c>{"ok":false,"message":…,"errors":[…],"first_error_field":…}</c>: the Typebot route.</summary>
    Flat,

    /// <summary>RFC 9457 problem details: every other route.</summary>
    Problem,
}

/// <summary>One generated request, with everything needed to send it again by hand.</summary>
public sealed record FuzzRequest
{
    /// <summary>The row of the status table, e.g. <c>POST /register_driver_typebot</c>.</summary>
    public required string Route { get; init; }

    public required string Method { get; init; }

    /// <summary>The path as sent, percent-encoding included.</summary>
    public required string Path { get; init; }

    /// <summary>The query string as sent, with its leading <c>?</c>, or empty.</summary>
    public string Query { get; init; } = "";

    /// <summary>Headers in order; a name given twice is sent as one header with two values.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public byte[]? Body { get; init; }

    /// <summary>Sent without Content-Length (chunked), so only the bytes read tell the size.</summary>
    public bool Chunked { get; init; }

    /// <summary>What is wrong with the request, in a few words.</summary>
    public required string Case { get; init; }

    public ErrorShape Shape { get; init; } = ErrorShape.Problem;

    /// <summary>Statuses the route answers with an empty body on purpose (a 404 that must not tell more).</summary>
    public IReadOnlyList<int> EmptyAllowed { get; init; } = [];

    /// <summary>A unique value the request would store; it must not be in the database when the request was refused.</summary>
    public string? Marker { get; init; }

    /// <summary>Position in the generated sequence (the same for the same seed).</summary>
    public int Index { get; init; }

    /// <summary>The request as a reader can replay it: method, target, headers and the start of the body.</summary>
    public string Describe(int maxBody = 400)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#{Index} [{Case}] {Method} {Path}{Shorten(Query, 300)}");
        foreach (var (name, value) in Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {name}: {Shorten(value, 120)}");
        }

        if (Body is { } body)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  body ({body.Length} bytes{(Chunked ? ", chunked" : "")}): {Printable(body, maxBody)}");
        }

        return text.ToString();
    }

    private static string Shorten(string value, int max) =>
        value.Length <= max ? value : string.Concat(value.AsSpan(0, max), $"…(+{value.Length - max} chars)");

    /// <summary>The body as text with bytes that are not printable ASCII shown as <c>\xNN</c>.</summary>
    private static string Printable(byte[] body, int max)
    {
        var text = new StringBuilder();
        foreach (var b in body.AsSpan(0, Math.Min(body.Length, max)))
        {
            if (b is >= 0x20 and < 0x7F)
            {
                text.Append((char)b);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
            }
        }

        return body.Length > max ? text.Append(CultureInfo.InvariantCulture, $"…(+{body.Length - max} bytes)").ToString() : text.ToString();
    }
}
