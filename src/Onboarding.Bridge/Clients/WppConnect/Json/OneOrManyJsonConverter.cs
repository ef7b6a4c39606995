using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Bridge.Clients.WppConnect.Json;

/// <summary>
/// Reads a list of objects that some routes or versions send as a single object, as null, or mixed with bare strings
/// (send-buttons returns the phone list); anything that is not an object is skipped.
/// </summary>
public sealed class OneOrManyJsonConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var items = new List<T>();
        if (root.ValueKind == JsonValueKind.Object)
        {
            Add(root);
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in root.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Object)
                {
                    Add(element);
                }
            }
        }

        return items;

        void Add(JsonElement element)
        {
            var item = element.Deserialize<T>(options);
            if (item is not null)
            {
                items.Add(item);
            }
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToList(), options);
}
