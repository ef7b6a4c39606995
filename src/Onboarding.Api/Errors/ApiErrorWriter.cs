using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Onboarding.Api.Errors;

/// <summary>Writes errors produced outside an endpoint (auth, body limits) in the shape the route's callers expect.</summary>
public static class ApiErrorWriter
{
    /// <summary>
    /// Routes called by Typebot (<c>/register_driver_typebot</c>, <c>/documents/*_typebot</c>) get <see cref="FlatError"/>;
    /// every other route gets RFC 9457 problem details.
    /// </summary>
    public static bool IsTypebotRoute(HttpContext context) =>
        context.Request.Path.Value?.TrimEnd('/').EndsWith("_typebot", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpContext context, int status, string code, string message, string field = "")
    {
        var json = JsonOf(context);
        context.Response.StatusCode = status;
        if (IsTypebotRoute(context))
        {
            FieldError[] errors = string.IsNullOrEmpty(field) ? [] : [new FieldError(field, code, message)];
            return context.Response.WriteAsJsonAsync(FlatError.From(message, errors), json);
        }

        var problem = new ProblemDetails
        {
            Status = status,
            Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
            Detail = message,
            Instance = context.Request.Path,
            Extensions = { ["code"] = code, ["trace_id"] = context.TraceIdentifier },
        };
        return context.Response.WriteAsJsonAsync(problem, json, "application/problem+json");
    }

    public static JsonSerializerOptions JsonOf(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
}
