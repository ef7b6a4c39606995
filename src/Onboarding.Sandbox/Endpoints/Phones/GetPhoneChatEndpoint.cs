using FastEndpoints;
using Npgsql;
using Onboarding.Api.Auth;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Endpoints.Phones;

public sealed class GetPhoneChatEndpoint(NpgsqlDataSource dataSource) : Endpoint<PhoneRequest, PhoneChatResponse>
{
    private SandboxServices Sandbox => Resolve<SandboxServices>();

    public override void Configure()
    {
        Get("phones/{phone}/messages");
        Group<SandboxGroup>();
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Sandbox").Produces(404));
        Summary(s =>
        {
            s.Summary = "Sandbox mode only: one phone's WhatsApp conversation, with who wrote each message (empty for a new number)";
            s.ResponseExamples[200] = SandboxExamples.Chat;
        });
    }

    public override async Task HandleAsync(PhoneRequest req, CancellationToken ct)
    {
        var digits = req.Digits();
        var chatId = digits + "@c.us";
        var none = new Dictionary<string, string>();
        var (drafts, name) = Sandbox.CloudApi is { } cloud
            ? (cloud.Messages(digits).Select(m => PhoneMessage.From(m, none)).ToList(), cloud.Chat(digits)?.ProfileName)
            : (Sandbox.Wpp!.Messages(chatId).Select(m => PhoneMessage.From(m, none)).ToList(), Sandbox.Wpp.Chats.FirstOrDefault(c => c.Id == chatId)?.Name);
        var keys = await OutboxSenders.KeysAsync(dataSource, chatId, drafts.Where(m => m.Sender != SandboxSenders.Driver).ToList(), ct);
        var messages = drafts.Select(m => m.Sender == SandboxSenders.Driver ? m : m with { Sender = SandboxSenders.OfOutboxKey(keys.GetValueOrDefault(m.Id)) }).ToList();
        await Send.OkAsync(new PhoneChatResponse("+" + digits, chatId, name, messages), ct);
    }
}
