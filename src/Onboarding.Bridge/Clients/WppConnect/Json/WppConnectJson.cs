using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Bridge.Clients.WppConnect.Json;

/// <summary>
/// Serializer settings for WPPConnect: camelCase, unknown keys ignored, numbers accepted as strings, floats and odd
/// values in integer and flag fields read leniently (webhook bodies from different builds differ in all of these).
/// </summary>
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
            Converters = { new LenientBoolJsonConverter(), new LenientInt64JsonConverter(), new LenientInt32JsonConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
