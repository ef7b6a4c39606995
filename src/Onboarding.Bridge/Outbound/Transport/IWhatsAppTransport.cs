using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Clients.WppConnect;

namespace Onboarding.Bridge.Outbound.Transport;

/// <summary>
/// The WhatsApp lane's way out (docs/0042): WPPConnect or the Cloud API, chosen by <c>WhatsApp:Transport</c>. Both
/// answer every send with the same <see cref="WppSendResult"/>, so the outbox's retry, dead-letter and governor rules
/// stay one.
/// </summary>
public interface IWhatsAppTransport
{
    /// <summary>True when free-form messages may go only within 24 hours of the driver's last message (the Cloud API).</summary>
    bool HasServiceWindow { get; }

    Task<WppSendResult> SendTextAsync(string chat, string text, CancellationToken ct);

    /// <summary>A single choice: native buttons or a list where the transport has them, else <paramref name="text"/> (the numbered menu).</summary>
    Task<WppSendResult> SendChoiceAsync(string chat, string text, string body, IReadOnlyList<string> options, CancellationToken ct);

    Task<WppSendResult> SendFileAsync(string chat, byte[] content, string contentType, string fileName, string? caption, CancellationToken ct);

    /// <summary>An approved template (outside the window); a transport without templates rejects it.</summary>
    Task<WppSendResult> SendTemplateAsync(string chat, CloudTemplate template, IReadOnlyList<string> parameters, CancellationToken ct);

    /// <summary>"Typing…" (and, where the API ties them, the driver's last message marked read). A courtesy: failures are swallowed.</summary>
    Task TypingAsync(string chat, CancellationToken ct);

    /// <summary>The WhatsApp id of a row's message (created at <paramref name="createdAt"/>, with <paramref name="text"/>) if an earlier, uncertain attempt did send it; null when not known to be there.</summary>
    Task<string?> FindSentAsync(string chat, DateTime createdAt, string? text, CancellationToken ct);
}
