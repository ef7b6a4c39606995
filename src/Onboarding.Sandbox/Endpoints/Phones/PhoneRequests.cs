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
