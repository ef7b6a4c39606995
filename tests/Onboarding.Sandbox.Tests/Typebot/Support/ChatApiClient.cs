using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Tests.Typebot.Support;

/// <summary>Calls the emulator's chat API the way the bridge does.</summary>
public sealed class ChatApiClient(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl };

    public async Task<(HttpStatusCode Status, JsonObject Body)> StartAsync(string publicId, JsonObject? request = null)
    {
        using var response = await _http.PostAsJsonAsync($"api/v1/typebots/{publicId}/startChat", request ?? []);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> ContinueAsync(string sessionId, string message)
    {
        using var response = await _http.PostAsJsonAsync($"api/v1/sessions/{sessionId}/continueChat", new JsonObject { ["message"] = message });
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> ContinueAsync(string sessionId, JsonObject request)
    {
        using var response = await _http.PostAsJsonAsync($"api/v1/sessions/{sessionId}/continueChat", request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    public void Dispose() => _http.Dispose();
}
