using FastEndpoints;
using Npgsql;
using Onboarding.Api.Auth;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Endpoints.Agent;

public sealed class GetConversationEndpoint(NpgsqlDataSource dataSource) : Endpoint<ConversationRequest, AgentConversationResponse>
{
    private SandboxServices Sandbox => Resolve<SandboxServices>();

    public override void Configure()
    {
        Get("conversations/{id:int}/messages");
        Group<SandboxGroup>();
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Sandbox").Produces(404));
        Summary(s =>
        {
            s.Summary = "Sandbox mode only: one conversation and its messages, private notes included";
            s.ResponseExamples[200] = new AgentConversationResponse(SandboxExamples.Conversation, SandboxExamples.AgentMessages);
        });
    }

    public override async Task HandleAsync(ConversationRequest req, CancellationToken ct)
    {
        if (Sandbox.Chatwoot.Conversation(req.Id) is not { } conversation)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var messages = Sandbox.Chatwoot.Messages(conversation.Id);
        var contact = Sandbox.Chatwoot.Contacts.FirstOrDefault(c => c.Id == conversation.ContactId);
        var mode = (await BridgeModes.ReadAsync(dataSource, ct)).GetValueOrDefault(conversation.Id);
        await Send.OkAsync(new AgentConversationResponse(
            AgentConversation.From(conversation, contact, messages, mode), messages.Select(AgentMessage.From).ToList()), ct);
    }
}
