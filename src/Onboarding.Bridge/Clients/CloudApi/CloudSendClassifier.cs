using System.Net;
using System.Text.Json;
using Onboarding.Bridge.Clients.WppConnect;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Onboarding.Bridge.Clients.CloudApi;

/// <summary>
/// Turns a Cloud API send's answer into sent / not sent / rejected / unknown, by the Graph API error code
/// (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/, the body
/// <c>{"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}}</c>). Agents read <see cref="WppSendResult.Error"/>
/// in dead-letter notes, so it says what happened and ends with the code in parentheses.
/// </summary>
public static class CloudSendClassifier
{
    /// <summary>Re-engagement message: more than 24 hours since the customer last wrote; only a template may go.</summary>
    public const int ReEngagement = 131047;

    /// <summary>Message undeliverable (not a WhatsApp user, an old app, a blocked business…).</summary>
    public const int Undeliverable = 131026;

    /// <summary>Cloud API throughput reached.</summary>
    public const int RateLimit = 130429;

    /// <summary>Too many messages from this number to the same recipient in a short time (pair rate limit).</summary>
    public const int PairRateLimit = 131056;

    /// <summary>Spam rate limit: the number's quality let fewer messages through.</summary>
    public const int SpamRateLimit = 131048;

    /// <summary>The access token expired or was revoked (Graph API OAuth error).</summary>
    public const int AccessTokenExpired = 190;

    /// <summary>The template name does not exist in that language (or is not approved).</summary>
    public const int TemplateMissing = 132001;

    /// <summary>Codes for which nothing was sent and trying again later may work.</summary>
    private static readonly HashSet<int> Transient = [RateLimit, PairRateLimit, SpamRateLimit, 4, 80007, 130472, 131000, 131016, 133004, 1, 2];

    /// <summary>Codes that mean our credentials or the app's permissions are wrong: sends wait for an operator.</summary>
    private static readonly HashSet<int> Authorization = [AccessTokenExpired, 0, 3, 10, 200, 131005];

    /// <summary>Codes that mean the number or account is restricted: WhatsApp's own restriction (docs/0028).</summary>
    private static readonly HashSet<int> Restricted = [368, 131031, 130497];

    /// <summary>The Graph API error of an answer body, if it has one.</summary>
    public static CloudError? ReadError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("error", out var e) || e.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var code = e.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : (int?)null;
            var details = e.TryGetProperty("error_data", out var d) && d.ValueKind == JsonValueKind.Object
                && d.TryGetProperty("details", out var dd) && dd.ValueKind == JsonValueKind.String ? dd.GetString() : null;
            var message = e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return new CloudError(code, message, details);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static WppSendResult FromResponse(HttpStatusCode status, string? body, TimeSpan? retryAfter)
    {
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return FromSuccessBody(status, body);
        }

        var error = ReadError(body);
        var text = Describe(error, code);
        var outcome = error?.Code switch
        {
            ReEngagement or Undeliverable or TemplateMissing => WppSendOutcome.Rejected,
            { } c when Authorization.Contains(c) => WppSendOutcome.NotSent,
            { } c when Restricted.Contains(c) => WppSendOutcome.NotSent,
            { } c when Transient.Contains(c) => WppSendOutcome.NotSent,
            _ when status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => WppSendOutcome.NotSent,
            _ when status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => WppSendOutcome.NotSent,
            _ when code is >= 400 and < 500 => WppSendOutcome.Rejected,
            _ => WppSendOutcome.Unknown,
        };
        return new WppSendResult(outcome, null, null, status, text, retryAfter);
    }

    public static WppSendResult FromException(Exception e) => e switch
    {
        BrokenCircuitException or RateLimiterRejectedException =>
            new WppSendResult(WppSendOutcome.NotSent, null, null, null, e.GetType().Name),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } =>
            new WppSendResult(WppSendOutcome.NotSent, null, null, null, "connection refused"),
        HttpRequestException or TimeoutRejectedException or OperationCanceledException or IOException =>
            new WppSendResult(WppSendOutcome.Unknown, null, null, null, e.GetType().Name),
        _ => throw new InvalidOperationException("Unexpected failure while sending to the Cloud API.", e),
    };

    /// <summary>True when the failure is our token or permissions: the governor holds sends and alerts operations.</summary>
    public static bool IsAuthorization(WppSendResult result) =>
        result.Outcome != WppSendOutcome.Sent && (CodeOf(result) is { } c ? Authorization.Contains(c) : result.StatusCode is HttpStatusCode.Unauthorized);

    /// <summary>True when Meta restricted the number or the account.</summary>
    public static bool IsRestriction(WppSendResult result) =>
        result.Outcome != WppSendOutcome.Sent && CodeOf(result) is { } c && Restricted.Contains(c);

    /// <summary>The Graph API code at the end of an error text (<c>… (131047)</c>).</summary>
    public static int? CodeOf(WppSendResult result)
    {
        var error = result.Error;
        if (error is null || !error.EndsWith(')'))
        {
            return null;
        }

        var open = error.LastIndexOf('(');
        return open >= 0 && int.TryParse(error.AsSpan(open + 1, error.Length - open - 2), out var code) ? code : null;
    }

    /// <summary>Agents' words for the codes they meet, then Meta's own message; always "(code)" at the end.</summary>
    public static string Describe(CloudError? error, int httpStatus)
    {
        if (error?.Code is not { } code)
        {
            return $"HTTP {httpStatus}";
        }

        var what = code switch
        {
            ReEngagement => "passaram mais de 24 horas desde a última mensagem do condutor; só um modelo aprovado pode ser enviado",
            Undeliverable => "o WhatsApp não entregou a mensagem (número sem WhatsApp, aplicação antiga ou a empresa bloqueada)",
            TemplateMissing => "o modelo de mensagem não existe nesta língua ou não está aprovado",
            AccessTokenExpired => "o token de acesso da Cloud API expirou ou foi revogado",
            RateLimit or PairRateLimit or SpamRateLimit => "limite de envios da Cloud API",
            _ => Trim(error.Details ?? error.Message ?? "erro da Cloud API"),
        };
        return $"{what} ({code})";
    }

    private static WppSendResult FromSuccessBody(HttpStatusCode status, string? body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body ?? "");
            var id = doc.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
                && messages.GetArrayLength() > 0 && messages[0].TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String
                    ? i.GetString()
                    : null;
            return id is null
                ? new WppSendResult(WppSendOutcome.Unknown, null, null, status, "no message id in the answer")
                : new WppSendResult(WppSendOutcome.Sent, id, 1, status, null);
        }
        catch (JsonException)
        {
            return new WppSendResult(WppSendOutcome.Unknown, null, null, status, "unreadable send answer");
        }
    }

    // Meta's texts may quote the recipient's number: keep them short and without long digit runs.
    private static string Trim(string text)
    {
        var t = text.Length <= 200 ? text : text[..200];
        return System.Text.RegularExpressions.Regex.Replace(t, @"\d{7,}", m => $"{m.Value[..3]}…{m.Value[^2..]}");
    }
}

/// <summary>A Graph API error: its code, message and <c>error_data.details</c>.</summary>
public sealed record CloudError(int? Code, string? Message, string? Details);
