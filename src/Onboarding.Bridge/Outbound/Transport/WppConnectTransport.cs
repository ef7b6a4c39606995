using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Drains;

namespace Onboarding.Bridge.Outbound.Transport;

/// <summary>WhatsApp Web through WPPConnect: no window, no templates, choices as the numbered text (no reliable buttons).</summary>
public sealed class WppConnectTransport(WppConnectClient wpp) : IWhatsAppTransport
{
    public bool HasServiceWindow => false;

    public Task<WppSendResult> SendTextAsync(string chat, string text, CancellationToken ct) => wpp.SendTextAsync(chat, text, ct);

    public Task<WppSendResult> SendChoiceAsync(string chat, string text, string body, IReadOnlyList<string> options, CancellationToken ct) =>
        wpp.SendTextAsync(chat, text, ct);

    public Task<WppSendResult> SendFileAsync(string chat, byte[] content, string contentType, string fileName, string? caption, CancellationToken ct) =>
        contentType.StartsWith("image/", StringComparison.Ordinal)
            ? wpp.SendImageAsync(chat, content, contentType, fileName, caption, ct)
            : wpp.SendFileAsync(chat, content, contentType, fileName, caption, ct);

    public Task<WppSendResult> SendTemplateAsync(string chat, CloudTemplate template, IReadOnlyList<string> parameters, CancellationToken ct) =>
        Task.FromResult(new WppSendResult(WppSendOutcome.Rejected, null, null, null, "WPPConnect sends no message templates"));

    public async Task TypingAsync(string chat, CancellationToken ct)
    {
        try
        {
            await wpp.SetTypingAsync(chat, true, ct);
        }
        catch (Exception e) when (e is UpstreamException or HttpRequestException)
        {
            // Presence is a courtesy: the message goes out without it.
        }
    }

    public async Task<string?> FindSentAsync(string chat, DateTime createdAt, string? text, CancellationToken ct)
    {
        try
        {
            var recent = await wpp.GetMessagesAsync(chat, 30, ct: ct);
            var since = new DateTimeOffset(createdAt).ToUnixTimeSeconds() - 5;
            return recent.LastOrDefault(m => m.FromMe && m.Time >= since
                && (text is null ? m.Type != "chat" : m.Body == text || m.Caption == text))?.Id;
        }
        catch (Exception e) when (!RowFailure.IsInfrastructure(e, ct))
        {
            // Not known to be there: the send goes ahead (the next check after it settles looks again).
            return null;
        }
    }
}
