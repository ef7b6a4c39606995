using System.Net;
using System.Text.RegularExpressions;
using Onboarding.Bridge.Clients.WppConnect;

namespace Onboarding.Bridge.Outbound.Outbox;

/// <summary>
/// Reads a failed WhatsApp send for the two conditions the governor acts on: the number is restricted, or the session is
/// not connected.
/// </summary>
public static partial class RestrictionSignals
{
    /// <summary>
    /// What a restriction looks like. WhatsApp answers a send to a contact under the "reach-out time-lock" with error
    /// 463. Neither WPPConnect Server 2.10.4 nor wa-js 4.6.0 names it: the server's send routes answer any failure with
    /// HTTP 500 <c>{"status":"Error","message":"Erro ao enviar a mensagem.","error":…}</c> carrying the thrown error
    /// (src/controller/messageController.ts, <c>returnError</c>), and wa-js has no text for 463 (searched src/ for
    /// "463", "restrict", "reachout"). So the code (as an HTTP status or as <c>code</c>/<c>error</c> 463 in the error
    /// text) and the texts below are matched in the error text; the texts are not confirmed by either source, only
    /// reported by users of unofficial clients.
    /// </summary>
    [GeneratedRegex(@"\b(code|error|status)\W{0,3}463\b|\(463\)|reach[- ]?out|time[- ]?lock|account (is )?restricted|restricted account|banned",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Texts();

    public static bool IsRestriction(WppSendResult result) =>
        result.Outcome != WppSendOutcome.Sent && ((int?)result.StatusCode == 463 || (result.Error is { } error && Texts().IsMatch(error)));

    /// <summary>
    /// WPPConnect's <c>statusConnection</c> answers 404 "A sessão do WhatsApp não está ativa." (status "Disconnected")
    /// when the session is not connected (src/middleware/statusConnection.ts, 2.10.4): nothing was sent.
    /// </summary>
    public static bool IsDisconnected(WppSendResult result) =>
        result.Outcome == WppSendOutcome.NotSent && result.StatusCode == HttpStatusCode.NotFound;
}
