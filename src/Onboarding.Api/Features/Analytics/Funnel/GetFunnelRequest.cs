using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Onboarding.Data.Applications;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Features.Analytics.Funnel;

public sealed record GetFunnelRequest
{
    /// <summary>First day (YYYY-MM-DD, Lisbon) of first contact; included.</summary>
    [QueryParam, BindFrom("from")]
    public string? From { get; init; }

    /// <summary>Last day (YYYY-MM-DD, Lisbon) of first contact; included.</summary>
    [QueryParam, BindFrom("to")]
    public string? To { get; init; }

    /// <summary>ISO code (PT-11) or name; applies from "submitted" on.</summary>
    [QueryParam, BindFrom("district")]
    public string? District { get; init; }

    /// <summary>Applies from "submitted" on.</summary>
    [QueryParam, BindFrom("vehicle_type")]
    public string? VehicleType { get; init; }

    /// <summary>The language code of the flow (pt, en).</summary>
    [QueryParam, BindFrom("language")]
    public string? Language { get; init; }

    /// <summary>The published flow's id.</summary>
    [QueryParam, BindFrom("flow")]
    public string? Flow { get; init; }

    /// <summary><c>json</c> (default) or <c>csv</c>; <c>Accept: text/csv</c> also gives CSV.</summary>
    [QueryParam, BindFrom("format")]
    public string? Format { get; init; }

    public FunnelFilter ToFilter() => new()
    {
        From = Day(From),
        To = Day(To),
        District = string.IsNullOrWhiteSpace(District) ? null : Districts.Parse(District).Value,
        VehicleType = string.IsNullOrWhiteSpace(VehicleType) ? null : VehicleTypes.Parse(VehicleType).Value,
        Language = string.IsNullOrWhiteSpace(Language) ? null : Language.Trim().ToLowerInvariant(),
        Flow = string.IsNullOrWhiteSpace(Flow) ? null : Flow.Trim(),
    };

    internal static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

public sealed partial class GetFunnelValidator : Validator<GetFunnelRequest>
{
    public GetFunnelValidator()
    {
        RuleFor(x => x.From).Must(d => string.IsNullOrWhiteSpace(d) || GetFunnelRequest.Day(d) is not null)
            .WithMessage("from must be a date YYYY-MM-DD.");
        RuleFor(x => x.To).Must(d => string.IsNullOrWhiteSpace(d) || GetFunnelRequest.Day(d) is not null)
            .WithMessage("to must be a date YYYY-MM-DD.");
        RuleFor(x => x).Must(x => GetFunnelRequest.Day(x.From) is not { } from || GetFunnelRequest.Day(x.To) is not { } to || from <= to)
            .WithName("to").WithMessage("to must not be before from.");
        RuleFor(x => x.District).Must(d => string.IsNullOrWhiteSpace(d) || Districts.Parse(d).Ok)
            .WithMessage("district must be an ISO 3166-2:PT code or a district name.");
        RuleFor(x => x.VehicleType).Must(v => string.IsNullOrWhiteSpace(v) || VehicleTypes.Parse(v).Ok)
            .WithMessage("vehicle_type is not a known vehicle type.");
        RuleFor(x => x.Language).Must(l => string.IsNullOrWhiteSpace(l) || LanguageCode().IsMatch(l.Trim()))
            .WithMessage("language must be a language code such as pt or en.");
        RuleFor(x => x.Flow).Must(f => string.IsNullOrWhiteSpace(f) || FlowId().IsMatch(f.Trim()))
            .WithMessage("flow must be a published flow id (letters, digits, '-' and '_', at most 100).");
        RuleFor(x => x.Format).Must(f => f is null || f is "json" or "csv")
            .WithMessage("format must be json or csv.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z]{2})?$")]
    private static partial System.Text.RegularExpressions.Regex LanguageCode();

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial System.Text.RegularExpressions.Regex FlowId();
}
