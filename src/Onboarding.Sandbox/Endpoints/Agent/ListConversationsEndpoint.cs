using FastEndpoints;
using Npgsql;
using Onboarding.Api.Auth;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Endpoints.Agent;

public sealed class ListConversationsEndpoint(NpgsqlDataSource dataSource) : EndpointWithoutRequest<AgentConversationsResponse>
{
    private SandboxServices Sandbox => Resolve<SandboxServices>();

    public override void Configure()
    {
        Get("conversations");
        Group<SandboxGroup>();
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Sandbox").Produces(404));
        Summary(s =>
        {
            s.Summary = "Sandbox mode only: the fake Chatwoot's conversations, latest activity first";
            s.ResponseExamples[200] = new AgentConversationsResponse([SandboxExamples.Conversation]);
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var modes = await BridgeModes.ReadAsync(dataSource, ct);
        var contacts = Sandbox.Chatwoot.Contacts.ToDictionary(c => c.Id);
        var conversations = Sandbox.Chatwoot.Conversations
            .Select(c => AgentConversation.From(c, contacts.GetValueOrDefault(c.ContactId), Sandbox.Chatwoot.Messages(c.Id), modes.GetValueOrDefault(c.Id)))
            .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id)
            .ToList();
        await Send.OkAsync(new AgentConversationsResponse(conversations), ct);
    }
}
