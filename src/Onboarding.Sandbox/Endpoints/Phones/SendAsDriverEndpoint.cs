using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Endpoints.Phones;

/// <summary>
/// The simulated phone sends a WhatsApp message to the company: the fake WPPConnect (or Cloud API) stores it and posts
/// its webhook to this host, exactly as a real driver's message arrives.
/// </summary>
public sealed class SendAsDriverEndpoint : Endpoint<SendAsDriverRequest, PhoneMessage>
{
    private SandboxServices Sandbox => Resolve<SandboxServices>();

    public override void Configure()
    {
        Post("phones/{phone}/messages");
        Group<SandboxGroup>();
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Sandbox").Produces(404));
        Summary(s =>
        {
            s.Summary = "Sandbox mode only: write to the company as the driver with this number (created on first use)";
            s.ExampleRequest = new SendAsDriverRequest { Phone = "351915211836", Name = "Maria", Text = "Olá" };
            s.ResponseExamples[200] = SandboxExamples.Chat.Messages[0];
        });
    }

    public override async Task HandleAsync(SendAsDriverRequest req, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(req.Name) ? null : req.Name.Trim();
        var none = new Dictionary<string, string>();
        if (Sandbox.CloudApi is { } cloud)
        {
            var (sent, _) = await cloud.Phone(req.Digits(), name).SendTextAsync(req.Text);
            await Send.OkAsync(PhoneMessage.From(sent, none), ct);
            return;
        }

        var (message, _) = await Sandbox.Wpp!.Phone(req.Digits(), name).SendTextAsync(req.Text);
        await Send.OkAsync(PhoneMessage.From(message, none), ct);
    }
}
