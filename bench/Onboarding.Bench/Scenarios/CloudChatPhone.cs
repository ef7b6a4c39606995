using Onboarding.Sandbox.CloudApi;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// A Cloud API user (<see cref="CloudPhone"/>): its webhook is Meta's signed <c>messages</c> notification, retried by
/// the fake until the host answers 200; files go by media id. The ledger's chat is <c>{wa_id}@c.us</c>.
/// </summary>
public sealed class CloudChatPhone(CloudPhone phone) : IChatPhone
{
    public string Digits => phone.WaId;

    public string ChatId => phone.WaId + "@c.us";

    public int ReceivedCount => phone.Received.Count;

    public IReadOnlyList<string> ReceivedBodies() =>
        phone.Received.Select(m => m.Text ?? "").ToList();

    public async Task<(string MessageId, WebhookDelivery? Delivery)> SendTextAsync(string text)
    {
        var (message, delivery) = await phone.SendTextAsync(text);
        return (message.Id, delivery);
    }

    public async Task<(string MessageId, WebhookDelivery? Delivery)> SendVoiceNoteAsync(byte[] content)
    {
        var (message, delivery) = await phone.SendVoiceNoteAsync(content);
        return (message.Id, delivery);
    }

    public async Task<(string MessageId, WebhookDelivery? Delivery)> SendDocumentAsync(byte[] content, string mimeType, string fileName)
    {
        var (message, delivery) = await phone.SendDocumentAsync(content, fileName, mimeType);
        return (message.Id, delivery);
    }
}
