using Onboarding.Data.Messages;

namespace Onboarding.Data.Documents.Checklist;

/// <summary>A side the checklist asks for and the file that answers it, if any.</summary>
public sealed record SlotState(DocumentSlot Slot, DriverDocument? Current)
{
    public bool Missing => Current is null;

    public bool AskedAgain => Current?.State == DocumentStates.Rejected;

    /// <summary>The slot as the flow and staff name it: "carta de condução (frente)".</summary>
    public DocumentTitle Title => new(Slot);
}

/// <summary>Where a driver stands against their checklist: what is missing, what was asked again, what comes next.</summary>
public sealed record ChecklistState(IReadOnlyList<SlotState> Slots)
{
    public static ChecklistState Of(IReadOnlyList<DocumentSlot> slots, IReadOnlyList<DriverDocument> current) =>
        new([.. slots.Select(s => new SlotState(s, current.FirstOrDefault(d => d.Kind == s.Kind.Code && d.Side == s.Side)))]);

    /// <summary>The next side to ask for: what staff asked again first (the driver is taken straight to it), then what is missing.</summary>
    public SlotState? Next => Slots.FirstOrDefault(s => s.AskedAgain) ?? Slots.FirstOrDefault(s => s.Missing);

    /// <summary>Every side has a file staff did not ask again.</summary>
    public bool Complete => Slots.Count > 0 && Slots.All(s => !s.Missing && !s.AskedAgain);

    /// <summary>What keeps the driver from being approved: missing and asked-again sides.</summary>
    public IReadOnlyList<SlotState> Blocking => [.. Slots.Where(s => s.Missing || s.AskedAgain)];
}

/// <summary>How a side of a document is named to the driver and to staff: "carta de condução (frente)".</summary>
public sealed record DocumentTitle(DocumentSlot Slot) : ILocalised
{
    public string In(Language language) => SideOf(Slot.Side) is { } side
        ? $"{Slot.Kind.Label(language)} ({side.With().In(language)})"
        : Slot.Kind.Label(language);

    private static DriverText? SideOf(string side) => side switch
    {
        DocumentSides.Front => DriverTexts.SideFront,
        DocumentSides.Back => DriverTexts.SideBack,
        _ => null,
    };
}
