using System.Net;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Drains;

namespace Onboarding.Bridge.Tests.Drains;

/// <summary>Both drains classify failures here: what cannot change on retry fails the row at once.</summary>
public sealed class RowFailureTests
{
    [Fact]
    public void The_voice_note_format_error_is_permanent_not_a_loop() =>
        RowFailure.Classify(new FormatException("The format of value 'audio/ogg; codecs=opus' is invalid.")).Kind.ShouldBe(FailureKind.Permanent);

    [Theory]
    [InlineData(400, FailureKind.Permanent)]
    [InlineData(422, FailureKind.Permanent)]
    [InlineData(408, FailureKind.Transient)]
    [InlineData(425, FailureKind.Transient)]
    [InlineData(429, FailureKind.Throttled)]
    [InlineData(503, FailureKind.Transient)]
    public void Chatwoot_statuses_follow_the_decisions(int status, FailureKind kind) =>
        RowFailure.Classify(new UpstreamException("Chatwoot", "x failed", (HttpStatusCode)status, UpstreamException.IsTransientStatus((HttpStatusCode)status)))
            .Kind.ShouldBe(kind);

    [Fact]
    public void A_401_from_wppconnect_renews_the_token() =>
        RowFailure.Classify(new UpstreamException("WPPConnect", "x", HttpStatusCode.Unauthorized, false)).Kind.ShouldBe(FailureKind.Unauthorized);

    [Fact]
    public void A_deleted_conversation_is_recreated() =>
        RowFailure.Classify(new UpstreamException("Chatwoot", "messages/create failed with HTTP 404", HttpStatusCode.NotFound, false))
            .Kind.ShouldBe(FailureKind.ConversationGone);

    [Fact]
    public void An_attachment_host_that_does_not_resolve_is_permanent()
    {
        var failure = RowFailure.Classify(new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"));
        failure.Kind.ShouldBe(FailureKind.Permanent);
        failure.Reason.ShouldBe("host_unresolved");
    }

    [Fact]
    public void Timeouts_and_unknown_failures_retry_with_backoff()
    {
        RowFailure.Classify(new TaskCanceledException()).Kind.ShouldBe(FailureKind.Transient);
        RowFailure.Classify(new IOException("reset")).Kind.ShouldBe(FailureKind.Transient);
    }
}
