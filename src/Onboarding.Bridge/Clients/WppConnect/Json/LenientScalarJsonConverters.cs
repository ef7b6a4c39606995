using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Bridge.Clients.WppConnect.Json;

/// <summary>
/// A flag as WhatsApp Web builds serialise it: <c>true</c>/<c>false</c>, <c>null</c> (false), <c>"true"</c>, <c>0</c>/<c>1</c>.
/// Anything else (an object, an array) reads as false instead of failing the whole event.
/// </summary>
public sealed class LenientBoolJsonConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.String:
                var text = reader.GetString();
                return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || text == "1";
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var n) && n != 0;
            default:
                reader.TrySkip();
                return false;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>
/// An integer given as an integer, a float (<c>1764000000.5</c>), a numeric string, or something else (read as absent):
/// one odd field must not lose a WhatsApp message. Only for nullable members, so "absent" has a value to be.
/// </summary>
public sealed class LenientInt64JsonConverter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var whole) ? whole : reader.TryGetDouble(out var d) ? Clamp(d) : null;
            case JsonTokenType.String:
                var text = reader.GetString();
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
                    : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? Clamp(f)
                    : null;
            default:
                reader.TrySkip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static long? Clamp(double d) => double.IsFinite(d) && d is >= long.MinValue and <= long.MaxValue ? (long)d : null;
}

/// <summary>The same leniency for a nullable <see cref="int"/> (ack, unread count): out of range reads as absent.</summary>
public sealed class LenientInt32JsonConverter : JsonConverter<int?>
{
    private static readonly LenientInt64JsonConverter Wide = new();

    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Wide.Read(ref reader, typeof(long?), options) is { } v && v is >= int.MinValue and <= int.MaxValue ? (int)v : null;

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
