namespace Onboarding.Bridge.Clients.Chatwoot;

/// <summary>
/// Outcome of a contact create: the contact, or the 422 reason when a unique field is already taken
/// (look the contact up and reuse it) or the phone is not E.164.
/// </summary>
public sealed record ChatwootContactCreation(Dtos.ChatwootContact? Contact, string? Rejection, IReadOnlyList<string> RejectedAttributes)
{
    public bool Created => Contact is not null;

    public bool IsTaken => Rejection?.Contains("already been taken", StringComparison.OrdinalIgnoreCase) == true;
}
