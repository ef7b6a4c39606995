using FastEndpoints;
using Npgsql;
using Onboarding.Api.Auth;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Endpoints.Agent;

/// <summary>An agent resolves the conversation: the bridge closes it, and the driver's next message meets the bot again.</summary>
public sealed class ResolveConversationEndpoint(NpgsqlDataSource dataSource) : Endpoint<ConversationRequest, AgentConversation>
{
    private SandboxServices Sandbox => Resolve<SandboxServices>();

    public override void Configure()
    {
        Post("conversations/{id:int}/resolve");
        Group<SandboxGroup>();
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Sandbox").Produces(404));
        Summary(s =>
        {
            s.Summary = "Sandbox mode only: resolve a conversation as the agent";
            s.ResponseExamples[200] = SandboxExamples.Conversation with { Status = "resolved" };
        });
    }

    public override async Task HandleAsync(ConversationRequest req, CancellationToken ct)
    {
        if (Sandbox.Chatwoot.Conversation(req.Id) is not { } conversation)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        await Sandbox.Chatwoot.ResolveAsync(req.Id);
        var contact = Sandbox.Chatwoot.Contacts.FirstOrDefault(c => c.Id == conversation.ContactId);
        var mode = (await BridgeModes.ReadAsync(dataSource, ct)).GetValueOrDefault(conversation.Id);
        await Send.OkAsync(AgentConversation.From(conversation, contact, Sandbox.Chatwoot.Messages(req.Id), mode), ct);
    }
}
