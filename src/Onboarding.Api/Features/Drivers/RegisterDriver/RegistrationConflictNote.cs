using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Onboarding.Bridge;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Data.Drivers;

namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>Why a registration changed nothing, as the agents' note says it (the driver reads one neutral text).</summary>
public enum RegistrationConflictKind
{
    /// <summary>The NIF is on another phone's record.</summary>
    Nif,
    /// <summary>The phone's record belongs to another chat, or the registration came without a chat.</summary>
    Chat,
    /// <summary>A <c>@lid</c> chat typed a phone that WPPConnect's mapping does not confirm.</summary>
    UnverifiedPhone,
}

/// <summary>
/// Tells the agents, in a private note on the driver's conversation (through the outbox, once per conflict), that a
/// registration was refused as a possible duplicate or takeover, with both chats and a link to the other record.
/// </summary>
public sealed class RegistrationConflictNote(OutboxStore outbox, IOptions<BridgeOptions> bridge)
{
    public async Task SendAsync(RegistrationConflictKind kind, DriverRegistration registration, RegisterOutcome? outcome, CancellationToken ct)
    {
        if (registration.ChatwootConversationId is not { } conversation || conversation is <= 0 or > int.MaxValue)
        {
            return; // No conversation to write in: a direct API call, which reads its 409 itself.
        }

        var chat = registration.WaChatId ?? "(sem chat)";
        var text = new StringBuilder("⚠️ Registo recusado: possível duplicado ou tentativa de usar o registo de outra pessoa. Nada foi alterado.");
        text.Append("\nMotivo: ").Append(kind switch
        {
            RegistrationConflictKind.Nif => "o NIF indicado pertence ao registo de outro número",
            RegistrationConflictKind.Chat => "o número indicado pertence a um registo ligado a outro chat",
            _ => "o número indicado não foi confirmado pelo WhatsApp para este chat (@lid); confirme-o com o condutor",
        });
        text.Append("\nChat desta conversa: ").Append(chat);
        text.Append("\nNúmero indicado: ").Append(registration.PhoneE164);
        if (outcome?.OtherDriverId is { } other)
        {
            text.Append("\nChat do registo existente: ").Append(outcome.OtherChat ?? "nenhum");
            if (bridge.Value.PublicUrl is { } publicUrl)
            {
                text.Append(CultureInfo.InvariantCulture, $"\nConsola: {new Uri(publicUrl, "console#/drivers/" + other)}");
            }
        }

        // One note per conflict: the same attempt repeated (a retry, a re-run flow) finds its key taken.
        var key = "registration-conflict:" + conversation + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{kind}|{registration.PhoneE164}|{registration.Nif}|{outcome?.OtherDriverId}")))[..16];
        await outbox.EnqueueAsync(new OutboxEntry(key, registration.WaChatId ?? "registration", OutboxKinds.ChatwootMessage,
            new OutboxPayload { Text = text.ToString(), Private = true, SourceId = "onboarding:" + key })
        {
            Lane = OutboxLanes.Chatwoot,
            ChatwootConversationId = (int)conversation,
        }, ct);
    }
}
