using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Bridge.Clients.WppConnect.Json;

/// <summary>
/// Reads a WhatsApp id given either as <c>"351912345678@c.us"</c> or as a Wid object
/// <c>{"server","user","_serialized"}</c>; builds differ between versions, so both occur in one payload.
/// </summary>
public sealed class WidJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            case JsonTokenType.StartObject:
                using (var doc = JsonDocument.ParseValue(ref reader))
                {
                    return FromObject(doc.RootElement);
                }

            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    private static string? FromObject(JsonElement wid)
    {
        if (wid.TryGetProperty("_serialized", out var serialized) && serialized.ValueKind == JsonValueKind.String)
        {
            return serialized.GetString();
        }

        var user = wid.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var server = wid.TryGetProperty("server", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        return user is null ? null : server is null ? user : $"{user}@{server}";
    }
}
