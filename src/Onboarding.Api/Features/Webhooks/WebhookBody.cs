using System.Text.Json;
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

        try
        {
            using var document = JsonDocument.Parse(raw);
            return document.RootElement.ValueKind == JsonValueKind.Object ? (raw, document.RootElement.Clone()) : (raw, null);
        }
        catch (JsonException)
        {
            return (raw, null);
        }
    }
}
