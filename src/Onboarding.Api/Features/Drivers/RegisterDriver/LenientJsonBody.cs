using System.Text.Json;
using System.Text.Unicode;
using Onboarding.Api.Http;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>
/// Reads a flat JSON object whose values may be strings, numbers, booleans or lists of those, as text.
/// Typebot substitutes variables as strings, but people editing the flow write numbers and lists too;
/// rejecting those as "wrong type" would only break registrations.
/// </summary>
public static class LenientJsonBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The fields read, or the problems and their <see cref="Summary"/>; texts come from <see cref="DriverTexts"/>.</summary>
    public sealed record Result(Dictionary<string, string?>? Fields, byte[] Raw, IReadOnlyList<FieldProblem> Problems, DriverMessage? Summary);

    public static async Task<Result> ReadAsync(HttpRequest request, IReadOnlyList<string> wanted, CancellationToken ct)
    {
        if (request.ContentType is not { } type || !IsJson(type))
        {
            return Fail([], DriverTexts.BodyContentType.With());
        }

        // A declared length over the limit is refused before reading a byte.
        if (request.ContentLength > MaxBytes || await BoundedBody.ReadAsync(request, MaxBytes, ct) is not { } raw)
        {
            return Fail([], DriverTexts.BodyTooLarge.With(MaxBytes / 1024));
        }

        // JSON is UTF-8 (RFC 8259). JsonDocument accepts other bytes inside strings and only throws once one is read.
        if (!Utf8.IsValid(raw))
        {
            return Fail(raw, DriverTexts.BodyNotUtf8.With());
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return Fail(raw, DriverTexts.BodyMalformedJson.With());
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail(raw, DriverTexts.BodyNotObject.With());
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            var problems = new List<FieldProblem>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // A name with an unpaired surrogate escape cannot be one of ours: an unknown member, ignored.
                var name = ReadString(() => property.Name)?.Trim().ToLowerInvariant();
                if (name is null || !wanted.Contains(name))
                {
                    continue;
                }

                if (TryReadText(property.Value, out var text))
                {
                    fields[name] = text;
                }
                else
                {
                    problems.Add(new FieldProblem(name, $"{name}.type", DriverTexts.FieldType.With()));
                }
            }

            return problems.Count == 0
                ? new Result(fields, raw, [], null)
                : new Result(null, raw, problems, DriverTexts.FieldTypes.With());
        }
    }

    private static bool TryReadText(JsonElement value, out string? text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                text = null;
                return true;
            case JsonValueKind.String:
                // An unpaired surrogate escape (a cut emoji) is not text, and Postgres cannot store a NUL: the field is refused.
                text = ReadString(value.GetString);
                return text is not null && !text.Contains('\0', StringComparison.Ordinal);
            case JsonValueKind.Number:
                text = value.GetRawText();
                return true;
            case JsonValueKind.True or JsonValueKind.False:
                text = value.GetBoolean() ? "true" : "false";
                return true;
            case JsonValueKind.Array:
                var items = new List<string>();
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array || !TryReadText(item, out var part))
                    {
                        text = null;
                        return false;
                    }

                    if (!string.IsNullOrWhiteSpace(part))
                    {
                        items.Add(part);
                    }
                }

                text = string.Join(", ", items);
                return true;
            default:
                text = null;
                return false;
        }
    }

    /// <summary>The string, or null when JSON escapes make it invalid UTF-16 (an unpaired surrogate).</summary>
    private static string? ReadString(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }

    private static Result Fail(byte[] raw, DriverMessage message) => new(null, raw, [FieldProblem.Of("body", message)], message);

}
