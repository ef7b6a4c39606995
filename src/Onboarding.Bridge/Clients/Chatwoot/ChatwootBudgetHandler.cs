using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Governor;

namespace Onboarding.Bridge.Clients.Chatwoot;

/// <summary>
/// Takes one permit of the shared Chatwoot budget (<c>Chatwoot:RequestsPerMinute</c>, docs/0030) before each call, from
/// the governor's Postgres-backed budgets, so every replica counts against one limit. A permit due within
/// <see cref="MaxWait"/> is waited for; a later one answers the call here with 429 and <c>Retry-After</c>, exactly as
/// Chatwoot's own throttle would, so the caller's row waits for it without spending an attempt. Only workers call
/// Chatwoot: the webhook intakes never reach this handler.
/// </summary>
public sealed class ChatwootBudgetHandler(IServiceProvider services, IOptions<ChatwootOptions> options) : DelegatingHandler
{
    public const string BudgetName = "chatwoot";

    /// <summary>The longest a call waits here for its permit before it is answered 429.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    /// <summary>The budget, or null when <c>Chatwoot:RequestsPerMinute</c> is 0.</summary>
    public static RateBudget? Budget(ChatwootOptions options) =>
        options.RequestsPerMinute > 0 ? new RateBudget(BudgetName, options.RequestsPerMinute, 0, 0) : null;

    /// <summary>The connection handler, leaving from <see cref="ChatwootOptions.LocalAddress"/> when it is set.</summary>
    public static HttpMessageHandler Primary(ChatwootOptions options)
    {
        var handler = new SocketsHttpHandler();
        if (options.LocalAddress is { Length: > 0 } text)
        {
            var local = IPAddress.Parse(text);
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A client without the database (a tool, a client test) has no replicas to share a budget with.
        if (Budget(options.Value) is { } budget && services.GetService<NpgsqlDataSource>() is { } dataSource)
        {
            var clock = services.GetService<GovernorClock>()?.Time ?? TimeProvider.System;
            while (true)
            {
                BudgetAnswer answer;
                await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
                {
                    answer = await GovernorStore.TryTakeAsync(connection, [budget], clock.GetUtcNow(), TimeSpan.Zero, null, cancellationToken);
                }

                if (answer.Granted)
                {
                    break;
                }

                var wait = answer.RetryAt - clock.GetUtcNow();
                if (wait > MaxWait)
                {
                    ChatwootCalls.Refused();
                    return Refused(request, wait);
                }

                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), clock, cancellationToken);
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        ChatwootCalls.Answered(response.StatusCode);
        return response;
    }

    /// <summary>The answer Chatwoot's Rack::Attack gives, made here: nothing was sent.</summary>
    private static HttpResponseMessage Refused(HttpRequestMessage request, TimeSpan wait) => new(HttpStatusCode.TooManyRequests)
    {
        RequestMessage = request,
        Content = new StringContent("Retry later\n"),
        Headers = { RetryAfter = new RetryConditionHeaderValue(wait) },
    };
}
