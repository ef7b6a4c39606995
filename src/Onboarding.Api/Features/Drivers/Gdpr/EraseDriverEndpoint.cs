using System.Security.Claims;
using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Data.Drivers;

namespace Onboarding.Api.Features.Drivers.Gdpr;

public sealed record EraseDriverRequest
{
    // Route only: a query string or body "id" must not point the request at another driver.
    [RouteParam]
    public Guid Id { get; init; }
}

/// <summary>GDPR art. 17: clears every personal field; the anonymous row keeps the statistics and the history.</summary>
public sealed class EraseDriverEndpoint(DriverRepository drivers) : Endpoint<EraseDriverRequest, DriverDetails>
{
    public override void Configure()
    {
        Post("/api/drivers/{id:guid}/erase");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("GDPR").Produces(404));
        Summary(s =>
        {
            s.Summary = "Erase (anonymise) one driver's personal data";
            s.ResponseExamples[200] = DriverExamples.Details with { Status = "erased", FullName = null, Nif = null, Iban = null, Email = null };
        });
    }

    public override async Task HandleAsync(EraseDriverRequest req, CancellationToken ct)
    {
        var actor = User.FindFirstValue(ClaimTypes.Name) ?? "staff";
        // Erasing twice is not an error: the second call finds nothing personal left and shows the erased row.
        await drivers.EraseAsync(req.Id, actor, ct);
        if (await drivers.GetAsync(req.Id, ct) is not { } driver)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        await Send.OkAsync(DriverDetails.From(driver, await drivers.GetHistoryAsync(req.Id, ct)), ct);
    }
}
