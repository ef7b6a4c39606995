namespace Onboarding.Data.Drivers;

/// <summary>Filters and a keyset position for listing drivers, newest first.</summary>
public sealed record DriverQuery
{
    public string? Status { get; init; }
    public string? DistrictCode { get; init; }
    public string? VehicleType { get; init; }
    public DateTime? CreatedFrom { get; init; }
    public DateTime? CreatedTo { get; init; }
    public string? Search { get; init; }
    public DateTime? AfterCreatedAt { get; init; }
    public Guid? AfterId { get; init; }
    public int Limit { get; init; } = 50;
}
