using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Onboarding.Api.Http;

namespace Onboarding.Api.Features.Webhooks;

/// <summary>Reads a webhook body once as raw bytes (signatures are over the exact bytes) and as JSON.</summary>
public static class WebhookBody
{
    public static async Task<(byte[] Raw, JsonElement? Json)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (await BoundedBody.ReadAsync(request, maxBytes, ct) is not { } raw)
        {
            return ([], null);
        }

        // JSON is UTF-8 (RFC 8259): other bytes are malformed JSON, although JsonDocument only throws once they are read.
        if (!Utf8.IsValid(raw))
        {
            return (raw, null);
        }

        try
        {
            using var document = JsonDocument.Parse(Storable(raw));
            return document.RootElement.ValueKind == JsonValueKind.Object ? (raw, document.RootElement.Clone()) : (raw, null);
        }
        catch (JsonException)
        {
            return (raw, null);
        }
    }

    /// <summary>
    /// The JSON with every <c>\u0000</c> escape and every unpaired surrogate escape (a cut emoji) replaced by
    /// <c>\ufffd</c>, of the same length. Postgres text and jsonb cannot hold either and .NET cannot read the second as
    /// a string; an upstream that never resends would lose the whole event, so it is kept with a replacement character.
    /// </summary>
    internal static byte[] Storable(byte[] json)
    {
        byte[]? copy = null;
        for (var i = 0; i < json.Length - 1; i++)
        {
            if (json[i] != '\\')
            {
                continue;
            }

            // Backslashes only occur in strings, as escapes; skipping the escaped character also skips "\\".
            if (json[i + 1] != 'u' || !TryHex(json, i + 2, out var unit))
            {
                i++;
                continue;
            }

            var pairedHigh = unit is >= 0xD800 and <= 0xDBFF && i + 11 < json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                && TryHex(json, i + 8, out var low) && low is >= 0xDC00 and <= 0xDFFF;
            if (pairedHigh)
            {
                i += 11;
                continue;
            }

            if (unit == 0 || unit is >= 0xD800 and <= 0xDFFF)
            {
                copy ??= (byte[])json.Clone();
                "\\ufffd"u8.CopyTo(copy.AsSpan(i));
            }

            i += 5;
        }

        return copy ?? json;
    }

    private static bool TryHex(byte[] json, int at, out int value)
    {
        value = 0;
        return at + 4 <= json.Length && int.TryParse(json.AsSpan(at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
