using FastEndpoints;
using FluentValidation;
using Onboarding.Data.Drivers;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Features.Drivers.ListDrivers;

public sealed record ListDriversRequest
{
    [QueryParam, BindFrom("status")]
    public string? Status { get; init; }

    /// <summary>ISO code (PT-11) or Portuguese name.</summary>
    [QueryParam, BindFrom("district")]
    public string? District { get; init; }

    [QueryParam, BindFrom("vehicle_type")]
    public string? VehicleType { get; init; }

    [QueryParam, BindFrom("created_from")]
    public DateTime? CreatedFrom { get; init; }

    [QueryParam, BindFrom("created_to")]
    public DateTime? CreatedTo { get; init; }

    /// <summary>Searches name, email, phone, municipality and exact NIF.</summary>
    [QueryParam, BindFrom("q")]
    public string? Q { get; init; }

    /// <summary>The <c>next_cursor</c> of the previous page.</summary>
    [QueryParam, BindFrom("cursor")]
    public string? Cursor { get; init; }

    [QueryParam, BindFrom("limit")]
    public int? Limit { get; init; }

    public DriverQuery ToQuery()
    {
        var position = DriverCursor.TryDecode(Cursor, out var at, out var id);
        return new DriverQuery
        {
            Status = Status,
            DistrictCode = string.IsNullOrWhiteSpace(District) ? null : Districts.Parse(District).Value,
            VehicleType = string.IsNullOrWhiteSpace(VehicleType) ? null : VehicleTypes.Parse(VehicleType).Value,
            CreatedFrom = CreatedFrom?.ToUniversalTime(),
            CreatedTo = CreatedTo?.ToUniversalTime(),
            Search = Q,
            AfterCreatedAt = position ? at : null,
            AfterId = position ? id : null,
            Limit = Limit ?? 50,
        };
    }
}

public sealed class ListDriversValidator : Validator<ListDriversRequest>
{
    public ListDriversValidator()
    {
        RuleFor(x => x.Status).Must(s => s is null || DriverStatus.IsKnown(s))
            .WithMessage($"status must be one of: {string.Join(", ", DriverStatus.All)}.");
        RuleFor(x => x.District).Must(d => string.IsNullOrWhiteSpace(d) || Districts.Parse(d).Ok)
            .WithMessage("district must be an ISO 3166-2:PT code or a district name.");
        RuleFor(x => x.VehicleType).Must(v => string.IsNullOrWhiteSpace(v) || VehicleTypes.Parse(v).Ok)
            .WithMessage("vehicle_type is not a known vehicle type.");
        RuleFor(x => x.Limit).InclusiveBetween(1, 500).When(x => x.Limit is not null)
            .WithMessage("limit must be between 1 and 500.");
        RuleFor(x => x.Cursor).Must(c => string.IsNullOrEmpty(c) || DriverCursor.TryDecode(c, out _, out _))
            .WithMessage("cursor is not a cursor returned by this API.");
        RuleFor(x => x.Q).MaximumLength(100);
        // Postgres text cannot hold a NUL: it would fail the query (and cut the CSV export short).
        RuleFor(x => x.Q).Must(q => q is null || !q.Contains('\0', StringComparison.Ordinal))
            .WithMessage("q must not contain NUL characters.");
        RuleFor(x => x).Must(x => x.CreatedFrom is null || x.CreatedTo is null || x.CreatedFrom < x.CreatedTo)
            .WithName("created_to").WithMessage("created_to must be after created_from.");
    }
}

public sealed record ListDriversResponse(IReadOnlyList<DriverSummary> Items, string? NextCursor);
