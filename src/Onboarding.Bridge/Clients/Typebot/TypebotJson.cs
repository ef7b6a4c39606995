using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>Serializer settings for Typebot: camelCase, unknown keys ignored, nulls left out of requests.</summary>
public static class TypebotJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
