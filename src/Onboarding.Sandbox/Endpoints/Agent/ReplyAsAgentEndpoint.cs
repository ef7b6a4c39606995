using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Endpoints.Agent;

/// <summary>An agent answers in the fake Chatwoot: its signed webhook reaches the bridge, which sends it on WhatsApp.</summary>
public sealed class ReplyAsAgentEndpoint : Endpoint<AgentReplyRequest, AgentMessage>
{
    private SandboxServices Sandbox => Resolve<SandboxServices>();

    public override void Configure()
    {
        Post("conversations/{id:int}/replies");
        Group<SandboxGroup>();
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Sandbox").Produces(404));
        Summary(s =>
        {
            s.Summary = "Sandbox mode only: reply as the agent in a conversation";
            s.ExampleRequest = new AgentReplyRequest { Id = 1, Text = "Olá Maria, bem-vinda!" };
            s.ResponseExamples[200] = SandboxExamples.AgentMessages[^1];
        });
    }

    public override async Task HandleAsync(AgentReplyRequest req, CancellationToken ct)
    {
        if (Sandbox.Chatwoot.Conversation(req.Id) is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var (message, _) = await Sandbox.Chatwoot.AgentReplyAsync(req.Id, req.Text);
        await Send.OkAsync(AgentMessage.From(message), ct);
    }
}
