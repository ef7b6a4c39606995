using System.Text.Json;

namespace Onboarding.Api.Features.Webhooks;

/// <summary>Reads a webhook body once as raw bytes (signatures are over the exact bytes) and as JSON.</summary>
public static class WebhookBody
{
    public static async Task<(byte[] Raw, JsonElement? Json)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (buffer.ToArray(), null);
            }

            buffer.Write(chunk, 0, read);
        }

        var raw = buffer.ToArray();
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
