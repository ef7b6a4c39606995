using System.Text;
using System.Text.Json;
using Alba;
using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Features.Drivers;

/// <summary>Requests the Typebot flow and staff send, written once for every driver test.</summary>
public static class DriverScenarios
{
    /// <summary>A person's NIF (prefix 2) unique to <paramref name="n"/> (below 10,000,000), with its check digit.</summary>
    public static string ValidNif(int n)
    {
        var stem = "2" + (n % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(0, 10).Select(d => stem + d).First(Nif.IsValidChecksum);
    }

    /// <summary>A complete, valid registration as the flow posts it (all strings), with synthetic identifiers.</summary>
    public static Dictionary<string, object?> ValidRegistration(string phone = "+351915211836", string? nif = "123456789") => new()
    {
        ["phone"] = phone,
        ["full_name"] = "Maria da Silva Santos",
        ["nif"] = nif,
        ["email"] = "maria.santos@example.pt",
        ["birth_date"] = "14/03/1994",
        ["district"] = "Lisboa",
        ["municipality"] = "Amadora",
        ["postal_code"] = "2700-123",
        ["vehicle_type"] = "Carro",
        ["licence_plate"] = "AA-00-AA",
        ["driving_licence_number"] = "L-1234567 8",
        ["licence_categories"] = "B",
        ["iban"] = "PT50 0002 0123 1234 5678 9015 4",
        ["availability"] = "Dias úteis, manhãs",
        ["privacy_notice_version"] = "2026-11",
        ["privacy_accepted"] = "sim",
        ["wa_chat_id"] = "351915211836@c.us",
    };

    public static async Task<(int Status, JsonElement Body)> RegisterAsync(this IAlbaHost host, object body,
        string? key = AppFixture.TypebotKey, string? idempotencyKey = null, string? acceptLanguage = null)
    {
        var json = body as string ?? JsonSerializer.Serialize(body);
        return await host.PostRawAsync("/register_driver_typebot", json, "application/json", key, idempotencyKey, acceptLanguage);
    }

    public static async Task<(int Status, JsonElement Body)> PostRawAsync(this IAlbaHost host, string url, string body,
        string contentType, string? key, string? idempotencyKey = null, string? acceptLanguage = null)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl(url);
            s.WithRequestHeader("Content-Type", contentType);
            if (key is not null)
            {
                s.WithRequestHeader("X-Api-Key", key);
            }

            if (idempotencyKey is not null)
            {
                s.WithRequestHeader("Idempotency-Key", idempotencyKey);
            }

            if (acceptLanguage is not null)
            {
                s.WithRequestHeader("Accept-Language", acceptLanguage);
            }

            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, Parse(await result.ReadAsTextAsync()));
    }

    public static async Task<(int Status, JsonElement Body)> StaffGetAsync(this IAlbaHost host, string url, string key = AppFixture.StaffKey)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("X-Api-Key", key);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, Parse(await result.ReadAsTextAsync()));
    }

    public static async Task<(int Status, JsonElement Body)> StaffPostAsync(this IAlbaHost host, string url, object body, string key = AppFixture.StaffKey) =>
        await host.PostRawAsync(url, JsonSerializer.Serialize(body), "application/json", key);

    private static JsonElement Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse(JsonSerializer.Serialize(text)).RootElement.Clone();
        }
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).ToString();

    public static string Utf8(this byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
