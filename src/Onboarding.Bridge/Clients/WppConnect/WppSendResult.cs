using System.Net;

namespace Onboarding.Bridge.Clients.WppConnect;

public enum WppSendOutcome
{
    /// <summary>WhatsApp Web accepted the message (ack ≥ 0); delivery is reported later by <c>onack</c>.</summary>
    Sent,

    /// <summary>Certainly not sent: 201 with ack -1 / <c>status:"error"</c>, session down (404), 429, circuit open, no connection.</summary>
    NotSent,

    /// <summary>Refused for good: unknown number (400), auth (401). Retrying does not help.</summary>
    Rejected,

    /// <summary>May or may not have been sent (timeout, 500, connection lost mid-way): check before sending again.</summary>
    Unknown,
}

/// <summary>The result of one WhatsApp send, read from the per-route envelope.</summary>
public sealed record WppSendResult(
    WppSendOutcome Outcome, string? MessageId, int? Ack, HttpStatusCode? StatusCode, string? Error, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Outcome == WppSendOutcome.Sent;
}
