using Npgsql;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Contacts;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>
/// Which WhatsApp chat a registration speaks for. A <c>@lid</c> chat hides its number, so the phone the driver typed
/// is only theirs when WPPConnect's <c>pn-lid</c> mapping says so (stored on the contact when it was first seen, or
/// asked now); otherwise the registration binds nothing and agents take over.
/// </summary>
public sealed class RegistrationChats(NpgsqlDataSource dataSource, WppConnectClient wpp)
{
    /// <summary>The chat to bind: the phone's own chat for a confirmed <c>@lid</c>, the chat as sent otherwise; null when unconfirmed.</summary>
    public async Task<string?> ChatToBindAsync(string? waChatId, string phoneE164, CancellationToken ct)
    {
        if (!Phone.IsLid(waChatId))
        {
            return waChatId;
        }

        return await MappedPhoneAsync(waChatId!, ct) == phoneE164 ? Phone.ToChatId(phoneE164) : null;
    }

    private async Task<string?> MappedPhoneAsync(string lid, CancellationToken ct)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            if (await ContactDirectory.StoredPhoneOfLidAsync(connection, lid, ct) is { } stored)
            {
                return stored;
            }
        }

        try
        {
            return Phone.FromChatId((await wpp.LookupPnLidAsync(lid, ct)).PhoneNumber);
        }
        catch (UpstreamException)
        {
            // No answer is no confirmation: the agents check the number with the driver.
            return null;
        }
    }
}
