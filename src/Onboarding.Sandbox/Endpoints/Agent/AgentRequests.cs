using FastEndpoints;
using FluentValidation;

namespace Onboarding.Sandbox.Endpoints.Agent;

/// <summary>A conversation of the fake Chatwoot by its id.</summary>
public sealed record ConversationRequest
{
    public int Id { get; init; }
}

/// <summary>An agent's reply, sent to the driver on WhatsApp through the bridge.</summary>
public sealed record AgentReplyRequest
{
    public int Id { get; init; }

    public string Text { get; init; } = "";
}

public sealed class AgentReplyValidator : Validator<AgentReplyRequest>
{
    public AgentReplyValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("text is required.").MaximumLength(4096);
    }
}
