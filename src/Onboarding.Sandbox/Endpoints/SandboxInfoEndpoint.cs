using FastEndpoints;
using Microsoft.Extensions.Options;
using Onboarding.Api.Auth;

namespace Onboarding.Sandbox.Endpoints;

/// <summary>What the console needs to open the Sandbox: the development staff key that <c>./run.sh</c> prints.</summary>
public sealed record SandboxInfoResponse(string Mode, string? StaffKeyName, string? StaffKey);

/// <summary>
/// Without a key, so the console can fill in its login; it exists only in the Sandbox, whose keys are the development
/// ones on loopback (404 in every other mode, like the rest of the Sandbox API).
/// </summary>
public sealed class SandboxInfoEndpoint(IOptions<ApiKeyOptions> keys) : EndpointWithoutRequest<SandboxInfoResponse>
{
    public override void Configure()
    {
        Get("info");
        Group<SandboxGroup>();
        AllowAnonymous();
        Description(d => d.WithTags("Sandbox").Produces(404));
        Summary(s =>
        {
            s.Summary = "Sandbox mode only: the development staff key for the console (404 in any other mode)";
            s.ResponseExamples[200] = new SandboxInfoResponse("Sandbox", "staff-dev", "dev-staff-key-change-me");
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var staff = keys.Value.Keys.FirstOrDefault(k => k.Role == ApiRoles.Staff);
        await Send.OkAsync(new SandboxInfoResponse("Sandbox", staff?.Name, staff?.Key), ct);
    }
}
