using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Endpoints.Phones;

public sealed class ListPhonesEndpoint : EndpointWithoutRequest<SandboxPhonesResponse>
{
    private SandboxServices Sandbox => Resolve<SandboxServices>();

    public override void Configure()
    {
        Get("phones");
        Group<SandboxGroup>();
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Sandbox").Produces(404));
        Summary(s =>
        {
            s.Summary = "Sandbox mode only: the simulated phones that wrote to the company, latest first";
            s.ResponseExamples[200] = SandboxExamples.Phones;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var phones = Sandbox.CloudApi is { } cloud
            ? cloud.Chats.Select(SandboxPhone.From).ToList()
            : Sandbox.Wpp!.Chats.Select(SandboxPhone.From).ToList();
        await Send.OkAsync(new SandboxPhonesResponse(phones), ct);
    }
}
