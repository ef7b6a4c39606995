using FastEndpoints;
using FluentValidation;
using Onboarding.Data.Drivers;

namespace Onboarding.Api.Features.Drivers.ChangeDriverStatus;

public sealed record ChangeDriverStatusRequest
{
    [RouteParam]
    public Guid Id { get; init; }

    /// <summary>under_review, approved, rejected, withdrawn or submitted (reopen).</summary>
    public string Status { get; init; } = "";

    /// <summary>Why: required when rejecting; shown in the history.</summary>
    public string? Reason { get; init; }

    /// <summary>The version the reviewer saw; a newer one in the database means someone else changed the driver.</summary>
    public int Version { get; init; }
}

public sealed class ChangeDriverStatusValidator : Validator<ChangeDriverStatusRequest>
{
    public ChangeDriverStatusValidator()
    {
        RuleFor(x => x.Status).Must(s => s is not null && DriverStatus.IsKnown(s) && s != DriverStatus.Erased)
            .WithMessage("status must be one of: submitted, under_review, approved, rejected, withdrawn.");
        RuleFor(x => x.Version).GreaterThan(0).WithMessage("version is required (the driver's current version).");
        RuleFor(x => x.Reason).NotEmpty().When(x => x.Status == DriverStatus.Rejected)
            .WithMessage("reason is required when rejecting a driver.");
        RuleFor(x => x.Reason).MaximumLength(500);
        RuleFor(x => x.Reason).Must(r => r is null || !r.Contains('\0', StringComparison.Ordinal))
            .WithMessage("reason must not contain NUL characters.");
    }
}
