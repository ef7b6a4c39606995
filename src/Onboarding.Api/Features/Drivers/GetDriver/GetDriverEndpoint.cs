using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Data.Documents;
using Onboarding.Data.Drivers;

namespace Onboarding.Api.Features.Drivers.GetDriver;

public sealed record GetDriverRequest
{
    // Route only: a query string or body "id" must not point the request at another driver.
    [RouteParam]
    public Guid Id { get; init; }
}

public sealed class GetDriverEndpoint(DriverRepository drivers, DocumentStore documents, TimeProvider clock) : Endpoint<GetDriverRequest, DriverDetails>
{
    public override void Configure()
    {
        Get("/api/drivers/{id:guid}");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Drivers").Produces(404));
        Summary(s =>
        {
            s.Summary = "One driver with the review history";
            s.ResponseExamples[200] = DriverExamples.Details;
        });
    }

    public override async Task HandleAsync(GetDriverRequest req, CancellationToken ct)
    {
        if (await drivers.GetAsync(req.Id, ct) is not { } driver)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        await Send.OkAsync(DriverDetails.From(driver, await drivers.GetHistoryAsync(driver.Id, ct)) with
        {
            DocumentsExpired = await documents.IsExpiredAsync(driver.Id, clock, ct),
        }, ct);
    }
}
