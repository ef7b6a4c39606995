using System.Text.Json;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Fuzz;

/// <summary>
/// Judges one answer: never a 5xx, and every 4xx carries a JSON body that names the problem in the shape the route
/// owes its callers, unless the route answers that status with an empty body on purpose.
/// </summary>
public static class FuzzVerdict
{
    /// <summary>Null when the answer is acceptable; otherwise what is wrong with it.</summary>
    public static string? Judge(FuzzRequest request, RawResponse response)
    {
        if (response.Status >= 500)
        {
            return $"{response.Status}: {Shorten(response.Body)}";
        }

        if (response.Status < 400)
        {
            return null;
        }

        if (response.Body.Length == 0)
        {
            return request.EmptyAllowed.Contains(response.Status) || request.Method == "HEAD"
                ? null
                : $"{response.Status} with an empty body";
        }

        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return $"{response.Status} whose body is not JSON: {Shorten(response.Body)}";
        }

        var problem = request.Shape == ErrorShape.Flat && IsFlatRouteAnswer(response.Status)
            ? FlatProblem(response.Status, json)
            : ProblemDetailsProblem(response, json);
        return problem is null ? null : $"{response.Status} {problem}: {Shorten(response.Body)}";
    }

    /// <summary>
    /// The statuses the Typebot route itself answers. A 404 or 405 comes from routing, before any route runs (a path
    /// or method the flow never uses), and is problem details like on every other path.
    /// </summary>
    private static bool IsFlatRouteAnswer(int status) => status is not (404 or 405);

    private static string? FlatProblem(int status, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return "is not a JSON object";
        }

        if (!json.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.False)
        {
            return "lacks \"ok\":false";
        }

        if (!NonEmptyString(json, "message"))
        {
            return "lacks a message";
        }

        if (!json.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return "lacks the errors array";
        }

        foreach (var error in errors.EnumerateArray())
        {
            if (error.ValueKind != JsonValueKind.Object || !NonEmptyString(error, "field") || !NonEmptyString(error, "code") || !NonEmptyString(error, "message"))
            {
                return "has an error without field, code and message";
            }
        }

        var first = json.TryGetProperty("first_error_field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        var expected = errors.GetArrayLength() > 0 ? errors[0].GetProperty("field").GetString() : null;
        if (first != expected)
        {
            return "has a first_error_field that is not the first error's field";
        }

        return status == 422 && errors.GetArrayLength() == 0 ? "is a 422 that names no field" : null;
    }

    private static string? ProblemDetailsProblem(RawResponse response, JsonElement json)
    {
        if (response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return $"has content type {response.ContentType ?? "(none)"}";
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return "is not a JSON object";
        }

        if (!json.TryGetProperty("status", out var status) || !status.TryGetInt32(out var s) || s != response.Status)
        {
            return "is not problem details with the response's status";
        }

        if (!NonEmptyString(json, "title"))
        {
            return "has no title";
        }

        if (!json.TryGetProperty("errors", out var errors))
        {
            // Statuses about the request as a whole (401, 403, 404, 405, 415) are named by their title.
            return response.Status is 400 or 409 or 413 or 422 && !NonEmptyString(json, "detail") ? "explains nothing (no detail, no errors)" : null;
        }

        switch (errors.ValueKind)
        {
            // FastEndpoints: [{"name":"limit","reason":"…","code":"…"}].
            case JsonValueKind.Array when errors.GetArrayLength() > 0:
                foreach (var error in errors.EnumerateArray())
                {
                    if (error.ValueKind != JsonValueKind.Object || !NonEmptyString(error, "name") || !NonEmptyString(error, "reason"))
                    {
                        return "has an error without a field name and a reason";
                    }
                }

                return null;

            // ASP.NET validation problem details: {"field":["…"]}.
            case JsonValueKind.Object when errors.EnumerateObject().Any():
                return errors.EnumerateObject().Any(e => e.Name.Length == 0) ? "has an error without a field name" : null;

            default:
                return "has an empty errors member";
        }
    }

    private static bool NonEmptyString(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
