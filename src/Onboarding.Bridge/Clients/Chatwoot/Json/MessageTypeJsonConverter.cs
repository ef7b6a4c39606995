using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Bridge.Clients.Chatwoot.Json;

/// <summary>
/// <c>message_type</c> is an integer in REST answers (0 incoming, 1 outgoing, 2 activity, 3 template) and a string in
/// webhooks; both read as the string name.
/// </summary>
public sealed class MessageTypeJsonConverter : JsonConverter<string>
{
    private static readonly string[] Names = ["incoming", "outgoing", "activity", "template"];

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number when reader.TryGetInt32(out var n) && n >= 0 && n < Names.Length => Names[n],
            JsonTokenType.Number => reader.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
