using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Bridge.Clients.Chatwoot.Json;

/// <summary>Chatwoot timestamps are epoch seconds (int or float) in some places and ISO strings in others.</summary>
public sealed class FlexibleTimestampJsonConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return DateTimeOffset.FromUnixTimeMilliseconds((long)(reader.GetDouble() * 1000));
            case JsonTokenType.String:
                var text = reader.GetString();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
                }

                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v.ToUnixTimeSeconds());
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
