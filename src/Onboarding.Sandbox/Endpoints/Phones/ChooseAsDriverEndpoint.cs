using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Endpoints.Phones;

/// <summary>
/// The simulated phone taps a reply button or picks a list row: the Cloud API fake posts the <c>button_reply</c> or
/// <c>list_reply</c> webhook to this host, in the context of the message that showed the choice.
/// </summary>
public sealed class ChooseAsDriverEndpoint : Endpoint<ChooseAsDriverRequest, PhoneMessage>
{
    private SandboxServices Sandbox => Resolve<SandboxServices>();

    public override void Configure()
    {
        Post("phones/{phone}/choices");
        Group<SandboxGroup>();
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Sandbox").Produces(400).Produces(404));
        Summary(s =>
        {
            s.Summary = "Sandbox mode over the Cloud API only: the driver taps a button or picks a list row of a message the company sent";
            s.ExampleRequest = new ChooseAsDriverRequest { Phone = "351915211836", MessageId = "wamid.HBgMMzUxOTE1MjExODM2FQIAERgSQUI=", ChoiceId = "b1" };
        });
    }

    public override async Task HandleAsync(ChooseAsDriverRequest req, CancellationToken ct)
    {
        if (Sandbox.CloudApi is not { } cloud)
        {
            AddError("Buttons and lists exist only over the Cloud API (./run.sh --cloud-api).");
            await Send.ErrorsAsync(400, ct);
            return;
        }

        var phone = cloud.Phone(req.Digits());
        var shown = cloud.Message(req.MessageId);
        if (shown is null || shown.WaId != phone.WaId || shown.Type != "interactive")
        {
            AddError(r => r.MessageId, "message_id is not an interactive message sent to this phone.");
            await Send.ErrorsAsync(400, ct);
            return;
        }

        try
        {
            var (reply, _) = shown.Content["type"]?.GetValue<string>() == "list"
                ? await phone.PickRowAsync(req.MessageId, req.ChoiceId)
                : await phone.TapButtonAsync(req.MessageId, req.ChoiceId);
            await Send.OkAsync(PhoneMessage.From(reply, new Dictionary<string, string>()), ct);
        }
        catch (ArgumentException e)
        {
            AddError(r => r.ChoiceId, e.Message);
            await Send.ErrorsAsync(400, ct);
        }
    }
}
