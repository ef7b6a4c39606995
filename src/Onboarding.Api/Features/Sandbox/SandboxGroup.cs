using FastEndpoints;
using Onboarding.Api.Hosting;

namespace Onboarding.Api.Features.Sandbox;

/// <summary>
/// The Sandbox API under <c>/api/sandbox</c>: it drives the in-process fakes, so it answers only when they run
/// (<c>Onboarding:Mode=Sandbox</c>) and 404 everywhere else.
/// </summary>
public sealed class SandboxGroup : Group
{
    public SandboxGroup()
    {
        Configure("api/sandbox", ep => ep.Options(b => b.AddEndpointFilter(OnlyInSandboxAsync)));
    }

    private static async ValueTask<object?> OnlyInSandboxAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetService<SandboxServices>() is null ? Results.NotFound() : await next(context);
}
