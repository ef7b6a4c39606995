using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging;
using Onboarding.Api.Errors;

namespace Onboarding.Api.Tests.Errors;

/// <summary>An unhandled exception was answered 500 and never logged (the middleware's category is off): now it is, once.</summary>
public sealed class UnhandledExceptionLoggerTests
{
    [Fact]
    public async Task An_unhandled_exception_is_logged_with_its_trace_id_route_and_stack_but_not_its_message()
    {
        var log = new Lines();
        var handler = new UnhandledExceptionLogger(log);
        var context = new DefaultHttpContext { TraceIdentifier = "0HN-test-trace" };
        context.Request.Method = "POST";
        context.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/webhooks/wppconnect/{token}"), 0, null, null));

        var handled = await handler.TryHandleAsync(context, Thrown(), TestContext.Current.CancellationToken);

        handled.ShouldBeFalse("the problem details are still written by the exception handler");
        var line = log.Single();
        line.ShouldStartWith("Error: Unhandled System.InvalidOperationException on POST /webhooks/wppconnect/{token}, trace_id 0HN-test-trace");
        line.ShouldContain("(inner: FormatException)");
        line.ShouldContain(nameof(Thrown));
        line.ShouldNotContain("+351915211836");
    }

    [Fact]
    public async Task A_request_kestrel_refused_is_not_an_error_of_ours()
    {
        var log = new Lines();

        await new UnhandledExceptionLogger(log).TryHandleAsync(new DefaultHttpContext(), new BadHttpRequestException("too large", 413), TestContext.Current.CancellationToken);

        log.ShouldBeEmpty();
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("phone +351915211836 is odd", new FormatException("+351915211836"));
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    private sealed class Lines : ConcurrentQueue<string>, ILogger<UnhandledExceptionLogger>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
