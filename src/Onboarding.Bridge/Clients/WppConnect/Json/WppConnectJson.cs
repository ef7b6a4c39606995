using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Bridge.Clients.WppConnect.Json;

/// <summary>Serializer settings for WPPConnect: camelCase, unknown keys ignored, numbers accepted as strings.</summary>
public static class WppConnectJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            AllowTrailingCommas = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
