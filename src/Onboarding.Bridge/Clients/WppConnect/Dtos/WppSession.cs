namespace Onboarding.Bridge.Clients.WppConnect.Dtos;

/// <summary>Body of <c>start-session</c>; the server keeps the first one until close-session.</summary>
public sealed record WppStartSessionRequest(string? Webhook, bool WaitQrCode = false);

/// <summary>
/// <c>status-session</c> / <c>start-session</c> answer (unwrapped). Decide only from <see cref="Status"/>:
/// <c>qrcode</c> and <c>urlcode</c> may stay stale after login.
/// </summary>
public sealed record WppSessionStatus
{
    /// <summary><c>CLOSED</c>, <c>INITIALIZING</c>, <c>QRCODE</c>, <c>PHONECODE</c>, <c>CONNECTED</c> (or lowercase <c>qrcode</c>).</summary>
    public string? Status { get; init; }

    public string? Qrcode { get; init; }

    public string? Urlcode { get; init; }

    public string? Version { get; init; }

    public string? Message { get; init; }
}

/// <summary><c>generate-token</c> answer: <c>{"status":"success","session","token","full"}</c>.</summary>
public sealed record WppTokenResponse
{
    public string? Status { get; init; }

    public string? Session { get; init; }

    public string? Token { get; init; }

    public string? Full { get; init; }

    public string? Message { get; init; }
}
