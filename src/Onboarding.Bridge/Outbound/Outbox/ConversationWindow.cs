using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Governor;
namespace Onboarding.Bridge.Outbound.Outbox;

/// <summary>
/// The Cloud API's customer service window, kept by us rather than discovered by error 131047 (docs/0043): free-form
/// messages within 24 hours of the driver's last message (the ledger's newest row from the driver); outside it, the
/// template configured for the message's purpose and language, else nothing is sent.
/// https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-messages#customer-service-windows
/// </summary>
public sealed class ConversationWindow(GovernorClock clock, IOptions<CloudApiOptions> options)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    public async Task<WindowDecision> DecideAsync(NpgsqlConnection connection, OutboxItem item, OutboxPayload payload, CancellationToken ct)
    {
        if (await IsOpenAsync(connection, item.WaChatId, ct))
        {
            return WindowDecision.Open;
        }

        // An agent's or the bot's text without a purpose of its own may use the optional "reply" template.
        var purpose = payload.Purpose ?? (item.Kind == OutboxKinds.Text ? TemplatePurposes.Reply : null);
        return options.Value.TemplateFor(purpose, payload.Language) is { } template
            ? new WindowDecision(false, template, Parameters(template, payload))
            : new WindowDecision(false, null, []);
    }

    public Task<bool> IsOpenAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct) =>
        GovernorStore.DriverWroteSinceAsync(connection, waChatId, clock.Now - Length, ct);

    /// <summary>The template's body values in order, from the message's values; <c>text</c> is the message itself when not given.</summary>
    public static IReadOnlyList<string> Parameters(CloudTemplate template, OutboxPayload payload) =>
        [.. template.Parameters.Select(name =>
            payload.Values?.GetValueOrDefault(name) is { Length: > 0 } value ? value
            : name == "text" ? payload.Text ?? ""
            : "-")];
}

/// <summary>Open: send as it is. Closed with a template: send that instead. Closed without one: send nothing.</summary>
public sealed record WindowDecision(bool IsOpen, CloudTemplate? Template, IReadOnlyList<string> Parameters)
{
    public static readonly WindowDecision Open = new(true, null, []);
}
