namespace Onboarding.Sandbox.Typebot.Engine.Inputs;

/// <summary>Outcome of validating a reply against an input block.</summary>
public sealed record ParsedReply(ReplyStatus Status, string? Content = null, string? OutgoingEdgeId = null)
{
    public static readonly ParsedReply Fail = new(ReplyStatus.Fail);

    public static ParsedReply Success(string content, string? outgoingEdgeId = null) =>
        new(ReplyStatus.Success, content, outgoingEdgeId);
}

public enum ReplyStatus
{
    Success,
    Fail,
    Skip,
}
