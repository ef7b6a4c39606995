using System.Net;
using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Clients.WppConnect;

namespace Onboarding.Bridge.Tests.Clients.CloudApi;

/// <summary>Graph API error codes (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/) into the outbox's outcomes.</summary>
public sealed class CloudSendClassifierTests
{
    private static string Error(int code, string message = "m") =>
        $$$"""{"error":{"message":"{{{message}}}","type":"OAuthException","code":{{{code}}},"error_data":{"messaging_product":"whatsapp","details":"d"},"fbtrace_id":"A"}}""";

    [Theory]
    [InlineData(131047, WppSendOutcome.Rejected)]
    [InlineData(131026, WppSendOutcome.Rejected)]
    [InlineData(132001, WppSendOutcome.Rejected)]
    [InlineData(100, WppSendOutcome.Rejected)]
    [InlineData(130429, WppSendOutcome.NotSent)]
    [InlineData(131056, WppSendOutcome.NotSent)]
    [InlineData(131000, WppSendOutcome.NotSent)]
    [InlineData(190, WppSendOutcome.NotSent)]
    public void A_code_decides_the_outcome(int code, WppSendOutcome expected)
    {
        var result = CloudSendClassifier.FromResponse(HttpStatusCode.BadRequest, Error(code), null);

        result.Outcome.ShouldBe(expected);
        result.Error!.ShouldEndWith($"({code})");
        CloudSendClassifier.CodeOf(result).ShouldBe(code);
    }

    [Fact]
    public void An_expired_token_is_an_authorization_failure_and_a_rate_limit_is_not()
    {
        CloudSendClassifier.IsAuthorization(CloudSendClassifier.FromResponse(HttpStatusCode.Unauthorized, Error(190), null)).ShouldBeTrue();
        CloudSendClassifier.IsAuthorization(CloudSendClassifier.FromResponse(HttpStatusCode.BadRequest, Error(130429), null)).ShouldBeFalse();
        CloudSendClassifier.IsRestriction(CloudSendClassifier.FromResponse(HttpStatusCode.BadRequest, Error(368), null)).ShouldBeTrue();
    }

    [Fact]
    public void An_accepted_send_gives_its_wamid_and_an_answer_without_one_is_unknown()
    {
        var sent = CloudSendClassifier.FromResponse(HttpStatusCode.OK,
            """{"messaging_product":"whatsapp","contacts":[{"input":"351912345678","wa_id":"351912345678"}],"messages":[{"id":"wamid.HBgM","message_status":"accepted"}]}""", null);
        sent.Outcome.ShouldBe(WppSendOutcome.Sent);
        sent.MessageId.ShouldBe("wamid.HBgM");

        CloudSendClassifier.FromResponse(HttpStatusCode.OK, "{}", null).Outcome.ShouldBe(WppSendOutcome.Unknown);
        CloudSendClassifier.FromResponse(HttpStatusCode.OK, "<html>", null).Outcome.ShouldBe(WppSendOutcome.Unknown);
    }

    [Fact]
    public void A_server_error_without_a_code_may_have_sent_and_meta_texts_lose_long_numbers()
    {
        CloudSendClassifier.FromResponse(HttpStatusCode.BadGateway, "", null).Outcome.ShouldBe(WppSendOutcome.Unknown);
        CloudSendClassifier.FromResponse(HttpStatusCode.BadRequest, Error(131009, "Parameter value is not valid for 351912345678"), null)
            .Error!.ShouldNotContain("351912345678");
    }
}
