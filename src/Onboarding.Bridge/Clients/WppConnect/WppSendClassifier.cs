using System.Net;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Onboarding.Bridge.Clients.WppConnect;

/// <summary>Turns a send's HTTP outcome into sent / not sent / rejected / unknown (reference wppconnect.md §5, §9).</summary>
public static class WppSendClassifier
{
    /// <summary>wa-js 4.6.0 <c>InvalidChat</c> (src/assert/assertChat.ts): the code a send's 500 carries for an unheld chat.</summary>
    public const string ChatNotFound = "chat_not_found";

    public static WppSendResult FromResponse(HttpStatusCode status, WppSendEnvelope? envelope, string? error, TimeSpan? retryAfter)
    {
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return FromSuccessBody(status, envelope);
        }

        var outcome = status switch
        {
            // Session not live, rate limited, too early, the token refused (the auth handler renewed it), or a proxy
            // saying the server is down: nothing went out, and trying again after the backoff may work.
            HttpStatusCode.NotFound or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                or (HttpStatusCode)425 or HttpStatusCode.Unauthorized => WppSendOutcome.NotSent,

            // The request timed out on the way: it may or may not have been sent.
            HttpStatusCode.RequestTimeout => WppSendOutcome.Unknown,

            // WhatsApp Web does not hold the chat: wa-js assertFindChat throws before the message exists, so nothing
            // went out and nothing will on retry (docs/0025-sends-to-a-chat-whatsapp-web-does-not-hold.md).
            HttpStatusCode.InternalServerError when error?.EndsWith("(" + ChatNotFound + ")", StringComparison.Ordinal) == true => WppSendOutcome.Rejected,
            _ when code is >= 400 and < 500 => WppSendOutcome.Rejected,
            _ => WppSendOutcome.Unknown,
        };
        if (outcome == WppSendOutcome.Rejected && code == 500)
        {
            // Agents read this in the dead-letter note: say what to do, not what the server said.
            error = "o WhatsApp do telefone da empresa não tem esta conversa; abra-a no telemóvel ou espere que o condutor escreva (chat_not_found)";
        }

        return new WppSendResult(outcome, null, null, status, error ?? $"HTTP {code}", retryAfter);
    }

    public static WppSendResult FromException(Exception e) => e switch
    {
        BrokenCircuitException or RateLimiterRejectedException =>
            new WppSendResult(WppSendOutcome.NotSent, null, null, null, e.GetType().Name),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } =>
            new WppSendResult(WppSendOutcome.NotSent, null, null, null, "connection refused"),
        HttpRequestException or TimeoutRejectedException or OperationCanceledException or IOException =>
            new WppSendResult(WppSendOutcome.Unknown, null, null, null, e.GetType().Name),
        _ => throw new InvalidOperationException("Unexpected failure while sending to WPPConnect.", e),
    };

    private static WppSendResult FromSuccessBody(HttpStatusCode status, WppSendEnvelope? envelope)
    {
        if (envelope is null)
        {
            return new WppSendResult(WppSendOutcome.Unknown, null, null, status, "unreadable send answer");
        }

        if (string.Equals(envelope.Status, "error", StringComparison.OrdinalIgnoreCase))
        {
            return new WppSendResult(WppSendOutcome.NotSent, null, null, status, envelope.Message ?? "status error in a 2xx answer");
        }

        var first = envelope.Response.FirstOrDefault();
        if (first?.Id is null)
        {
            return new WppSendResult(WppSendOutcome.Unknown, null, first?.Ack, status, "no message id in the answer");
        }

        // wppconnect-server#2517: 201 "success" with ack -1 / isSendFailure means WhatsApp did not take the message.
        return first.Ack < 0 || first.IsSendFailure == true
            ? new WppSendResult(WppSendOutcome.NotSent, first.Id, first.Ack, status, "send failure (ack -1)")
            : new WppSendResult(WppSendOutcome.Sent, first.Id, first.Ack, status, null);
    }
}
