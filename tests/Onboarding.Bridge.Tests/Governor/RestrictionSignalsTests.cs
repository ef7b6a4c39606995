using System.Net;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Bridge.Tests.Governor;

/// <summary>
/// What the governor reads as a restriction (463 as a status or in the error text, and the texts users report) and
/// as a session not connected (WPPConnect's 404 from statusConnection), and what it leaves to the ordinary retries.
/// </summary>
public sealed class RestrictionSignalsTests
{
    // WPPConnect Server 2.10.4 returnError: 500 with the thrown error as "error" (the form the fake gives for 463).
    private const string ServerError = """{"status":"Error","message":"Erro ao enviar a mensagem.","error":{"code":463,"text":"reachout-timelock"}}""";

    private static WppSendResult Failed(WppSendOutcome outcome, HttpStatusCode? status, string? error) => new(outcome, null, null, status, error);

    [Theory]
    [InlineData(ServerError)]
    [InlineData("""{"error":{"code": 463}}""")]
    [InlineData("error 463")]
    [InlineData("Status: 463")]
    [InlineData("Reach out time-lock: wait before messaging this contact")]
    [InlineData("This account is restricted")]
    [InlineData("restricted account")]
    [InlineData("Your number is BANNED from WhatsApp")]
    public void A_failed_send_whose_error_reads_as_a_restriction_is_one(string error)
    {
        RestrictionSignals.IsRestriction(Failed(WppSendOutcome.Unknown, HttpStatusCode.InternalServerError, error)).ShouldBeTrue();
        RestrictionSignals.IsRestriction(Failed(WppSendOutcome.NotSent, null, error)).ShouldBeTrue();
    }

    [Fact]
    public void Status_463_is_a_restriction_whatever_the_text() =>
        RestrictionSignals.IsRestriction(Failed(WppSendOutcome.NotSent, (HttpStatusCode)463, null)).ShouldBeTrue();

    [Theory]
    [InlineData("""{"status":"Error","message":"Erro ao enviar a mensagem.","error":{"code":"chat_not_found"}}""")]
    [InlineData("O número 351915211836 não existe.")]
    [InlineData("timeout after 4630 ms")]
    [InlineData("message id 14630 failed")]
    [InlineData(null)]
    public void Other_failures_are_not_restrictions(string? error) =>
        RestrictionSignals.IsRestriction(Failed(WppSendOutcome.Unknown, HttpStatusCode.InternalServerError, error)).ShouldBeFalse();

    [Fact]
    public void A_send_that_went_through_is_never_a_restriction() =>
        RestrictionSignals.IsRestriction(new WppSendResult(WppSendOutcome.Sent, "true_1@c.us_A", 1, HttpStatusCode.Created, "restricted account")).ShouldBeFalse();

    [Fact]
    public void The_session_not_active_answer_means_disconnected() =>
        RestrictionSignals.IsDisconnected(Failed(WppSendOutcome.NotSent, HttpStatusCode.NotFound,
            """{"response":null,"status":"Disconnected","message":"A sessão do WhatsApp não está ativa."}""")).ShouldBeTrue();

    [Theory]
    [InlineData(WppSendOutcome.NotSent, HttpStatusCode.TooManyRequests)]
    [InlineData(WppSendOutcome.NotSent, null)]
    [InlineData(WppSendOutcome.Unknown, HttpStatusCode.NotFound)]
    [InlineData(WppSendOutcome.Rejected, HttpStatusCode.BadRequest)]
    public void Other_failures_do_not_mean_disconnected(WppSendOutcome outcome, HttpStatusCode? status) =>
        RestrictionSignals.IsDisconnected(Failed(outcome, status, null)).ShouldBeFalse();
}
