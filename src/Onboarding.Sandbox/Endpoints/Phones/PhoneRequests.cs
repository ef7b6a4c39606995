using FastEndpoints;
using FluentValidation;
using PortugalPhone = Onboarding.Data.Portugal.Phone;

namespace Onboarding.Sandbox.Endpoints.Phones;

/// <summary>A simulated phone by its number: digits, E.164 or a national Portuguese number.</summary>
public record PhoneRequest
{
    public string Phone { get; init; } = "";

    /// <summary>The number as a WhatsApp chat id writes it (digits only); valid once the validator passed.</summary>
    public string Digits() => PortugalPhone.ToWhatsAppDigits(PortugalPhone.Parse(Phone).Value!);
}

/// <summary>The driver types a message on the simulated phone.</summary>
public sealed record SendAsDriverRequest : PhoneRequest
{
    /// <summary>The driver's WhatsApp name, taken when the phone writes for the first time.</summary>
    public string? Name { get; init; }

    public string Text { get; init; } = "";
}

/// <summary>The driver taps a reply button or picks a list row of a message the company sent (Cloud API only).</summary>
public sealed record ChooseAsDriverRequest : PhoneRequest
{
    /// <summary>The interactive message's id (<c>wamid.…</c>).</summary>
    public string MessageId { get; init; } = "";

    /// <summary>The button's or row's id.</summary>
    public string ChoiceId { get; init; } = "";
}

public sealed class PhoneRequestValidator : Validator<PhoneRequest>
{
    public PhoneRequestValidator()
    {
        RuleFor(x => x.Phone).Must(p => PortugalPhone.Parse(p).Ok).WithMessage("phone must be a valid phone number.");
    }
}

public sealed class SendAsDriverValidator : Validator<SendAsDriverRequest>
{
    public SendAsDriverValidator()
    {
        Include(new PhoneRequestValidator());
        RuleFor(x => x.Name).MaximumLength(60);
        RuleFor(x => x.Text).NotEmpty().WithMessage("text is required.").MaximumLength(4096);
    }
}

public sealed class ChooseAsDriverValidator : Validator<ChooseAsDriverRequest>
{
    public ChooseAsDriverValidator()
    {
        Include(new PhoneRequestValidator());
        RuleFor(x => x.MessageId).NotEmpty().WithMessage("message_id is required.");
        RuleFor(x => x.ChoiceId).NotEmpty().WithMessage("choice_id is required.");
    }
}
