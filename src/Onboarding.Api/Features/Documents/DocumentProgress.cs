using Onboarding.Data.Documents;
using Onboarding.Data.Documents.Checklist;
using Onboarding.Data.Drivers;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Documents;

/// <summary>A driver with where they stand against the checklist of their vehicle.</summary>
public sealed record DriverProgress(Driver Driver, ChecklistState State, bool Gated);

/// <summary>Reads a driver's checklist state: the configured checklist of their vehicle against their current files.</summary>
public sealed class DocumentProgress(DriverRepository drivers, DocumentStore documents, DocumentChecklist checklist)
{
    /// <summary>The driver's progress, or null for an unknown or erased driver.</summary>
    public async Task<DriverProgress?> ForAsync(Guid driverId, CancellationToken ct)
    {
        if (await drivers.GetAsync(driverId, ct) is not { } driver || driver.Status == DriverStatus.Erased)
        {
            return null;
        }

        var state = ChecklistState.Of(checklist.SlotsFor(driver.VehicleType), await documents.CurrentAsync(driverId, ct));
        return new DriverProgress(driver, state, await documents.HasChecklistAsync(driverId, ct));
    }

    /// <summary>The language a contact's stored code names (pt-PT unless "en").</summary>
    public static Language LanguageOf(string? code) => code == "en" ? Language.English : Language.Portuguese;
}
