namespace Onboarding.Bridge.Clients.WppConnect.Dtos;

// Request bodies. `phone` is digits only: the server strips everything after '@' and chooses the suffix from the
// flags, so a LID must travel with IsLid = true.

public sealed record WppSendTextRequest(string Phone, string Message, bool IsGroup = false, bool IsLid = false)
{
    public WppSendOptions? Options { get; init; }
}

public sealed record WppSendOptions(string? QuotedMsg, bool? MarkIsRead = null);

/// <summary><c>send-image</c> / <c>send-file-base64</c>; <see cref="Base64"/> must be a data URI.</summary>
public sealed record WppSendFileRequest(string Phone, string Base64, string Filename, string? Caption, bool IsGroup = false, bool IsLid = false);

public sealed record WppSendLocationRequest(string Phone, string Lat, string Lng, string? Title, string? Address, bool IsGroup = false, bool IsLid = false);

/// <summary><c>contact-vcard</c>: sends the contacts in <see cref="ContactsId"/> (digits) as a card.</summary>
public sealed record WppSendContactRequest(string Phone, IReadOnlyList<string> ContactsId, string? Name, bool IsGroup = false, bool IsLid = false);

public sealed record WppTypingRequest(string Phone, bool Value, bool IsGroup = false, bool IsLid = false);

public sealed record WppListChatsRequest
{
    public string? Id { get; init; }

    public int? Count { get; init; }

    public string? Direction { get; init; }

    public bool? OnlyUsers { get; init; }

    public bool? OnlyGroups { get; init; }

    public bool? OnlyWithUnreadMessage { get; init; }
}
