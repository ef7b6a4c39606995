using System.Text.Json;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Bridge.CloudApi;

/// <summary>Cloud API scenarios: webhook bodies shaped as Meta's payload examples (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples).</summary>
public abstract class CloudApiContext(CloudApiFixture cloud) : BridgeContext(cloud)
{
    private static int _ids;

    protected CloudApiFixture Cloud { get; } = cloud;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Cloud.Graph.Reset();
    }

    protected static string NewWamid() => $"wamid.IN{Interlocked.Increment(ref _ids)}{Environment.ProcessId}";

    protected static string Digits(string e164) => e164.TrimStart('+');

    /// <summary>One delivery with these messages from one driver (and the profile name Meta gives).</summary>
    protected static string Messages(string e164, string name, params object[] messages) => Envelope(new
    {
        messaging_product = "whatsapp",
        metadata = new { display_phone_number = "351210000000", phone_number_id = GraphApiStub.PhoneNumberId },
        contacts = new[] { new { profile = new { name }, wa_id = Digits(e164) } },
        messages,
    });

    protected static string Statuses(params object[] statuses) => Envelope(new
    {
        messaging_product = "whatsapp",
        metadata = new { display_phone_number = "351210000000", phone_number_id = GraphApiStub.PhoneNumberId },
        statuses,
    });

    /// <summary>A message of <paramref name="type"/> with its object, from the driver, now (or <paramref name="at"/>).</summary>
    protected static Dictionary<string, object> Message(string e164, string id, string type, object? content, DateTimeOffset? at = null)
    {
        var message = new Dictionary<string, object>
        {
            ["from"] = Digits(e164),
            ["id"] = id,
            ["timestamp"] = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = type,
        };
        if (content is not null)
        {
            message[type] = content;
        }

        return message;
    }

    protected static object Text(string e164, string id, string body, DateTimeOffset? at = null) => Message(e164, id, "text", new { body }, at);

    private static string Envelope(object value) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[] { new { id = "102290129340398", changes = new[] { new { value, field = "messages" } } } },
    });
}
