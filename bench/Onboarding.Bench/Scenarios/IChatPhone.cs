using Onboarding.Sandbox.Hosting;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// A simulated WhatsApp user of a <see cref="ChatSet"/>, over either transport: what it writes reaches the host as its
/// fake's webhook, and the ledger knows its chat as <see cref="ChatId"/>.
/// </summary>
public interface IChatPhone
{
    /// <summary>Its number, digits only (Chatwoot's contact is <c>+</c> and these).</summary>
    string Digits { get; }

    /// <summary>The ledger's <c>wa_chat_id</c> for its chat.</summary>
    string ChatId { get; }

    /// <summary>How many of our messages reached it.</summary>
    int ReceivedCount { get; }

    /// <summary>The text of each of our messages that reached it, in order.</summary>
    IReadOnlyList<string> ReceivedBodies();

    Task<(string MessageId, WebhookDelivery? Delivery)> SendTextAsync(string text);

    /// <summary>A voice note (<c>audio/ogg; codecs=opus</c>, as WhatsApp records them).</summary>
    Task<(string MessageId, WebhookDelivery? Delivery)> SendVoiceNoteAsync(byte[] content);

    Task<(string MessageId, WebhookDelivery? Delivery)> SendDocumentAsync(byte[] content, string mimeType, string fileName);
}
