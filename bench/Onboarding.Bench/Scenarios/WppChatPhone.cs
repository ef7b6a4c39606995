using Onboarding.Sandbox.Hosting;
using Onboarding.Sandbox.WppConnect;

namespace Onboarding.Bench.Scenarios;

/// <summary>A WPPConnect user (<see cref="SimulatedPhone"/>): its webhook is WPPConnect's <c>onmessage</c>.</summary>
public sealed class WppChatPhone(SimulatedPhone phone) : IChatPhone
{
    private const string VoiceType = "audio/ogg; codecs=opus";

    public string Digits => phone.Digits;

    public string ChatId => phone.ChatId;

    public int ReceivedCount => phone.Received.Count;

    public IReadOnlyList<string> ReceivedBodies() => phone.Received.Select(m => m.Body ?? "").ToList();

    public async Task<(string MessageId, WebhookDelivery? Delivery)> SendTextAsync(string text)
    {
        var (message, delivery) = await phone.SendTextAsync(text);
        return (message.Id, delivery);
    }

    /// <summary>WhatsApp Web's <c>ptt</c>.</summary>
    public async Task<(string MessageId, WebhookDelivery? Delivery)> SendVoiceNoteAsync(byte[] content)
    {
        var (message, delivery) = await phone.SendMediaAsync("ptt", content, VoiceType);
        return (message.Id, delivery);
    }

    public async Task<(string MessageId, WebhookDelivery? Delivery)> SendDocumentAsync(byte[] content, string mimeType, string fileName)
    {
        var (message, delivery) = await phone.SendMediaAsync("document", content, mimeType, fileName);
        return (message.Id, delivery);
    }
}
