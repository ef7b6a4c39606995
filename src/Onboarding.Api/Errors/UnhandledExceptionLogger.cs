using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Onboarding.Api.Errors;

/// <summary>
/// Logs every unhandled exception once, with the trace id the 500 answer carries (<c>trace_id</c>), the route
/// template and the stack trace; then lets the exception handler write the problem details as before. The exception's
/// message is left out: messages may echo input (a number that failed to parse, a header value), and the middleware's
/// own log line, which includes it, stays off (appsettings.json) for that reason.
/// </summary>
public sealed partial class UnhandledExceptionLogger(ILogger<UnhandledExceptionLogger> logger) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Kestrel's refusals (body too large, cut short) are the client's doing and answered as 4xx, not errors of ours.
        if (exception is not BadHttpRequestException)
        {
            var route = (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            LogUnhandled(exception.GetType().FullName ?? exception.GetType().Name, httpContext.Request.Method, route,
                TraceId(httpContext), Causes(exception), exception.StackTrace ?? "");
        }

        return ValueTask.FromResult(false);
    }

    /// <summary>The id the problem details carry as <c>trace_id</c> (ASP.NET Core's ProblemDetailsDefaults).</summary>
    public static string TraceId(HttpContext httpContext) => Activity.Current?.Id ?? httpContext.TraceIdentifier;

    private static string Causes(Exception exception)
    {
        var types = new List<string>();
        for (var inner = exception.InnerException; inner is not null && types.Count < 5; inner = inner.InnerException)
        {
            types.Add(inner.GetType().Name);
        }

        return types.Count == 0 ? "none" : string.Join(" <- ", types);
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Unhandled {ExceptionType} on {Method} {Route}, trace_id {TraceId} (inner: {Inner})\n{StackTrace}")]
    private partial void LogUnhandled(string exceptionType, string method, string route, string traceId, string inner, string stackTrace);
}
