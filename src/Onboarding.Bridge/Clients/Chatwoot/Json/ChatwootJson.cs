using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Bridge.Clients.Chatwoot.Json;

/// <summary>Serializer settings for Chatwoot: snake_case, unknown keys ignored, numbers accepted as strings.</summary>
public static class ChatwootJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
