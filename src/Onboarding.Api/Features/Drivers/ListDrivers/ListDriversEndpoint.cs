using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Data.Documents;
using Onboarding.Data.Drivers;

namespace Onboarding.Api.Features.Drivers.ListDrivers;

public sealed class ListDriversEndpoint(DriverRepository drivers, DocumentStore documents, TimeProvider clock) : Endpoint<ListDriversRequest, ListDriversResponse>
{
    public override void Configure()
    {
        Get("/api/drivers");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Drivers"));
        Summary(s =>
        {
            s.Summary = "List drivers, newest first, with filters and keyset pagination";
            s.ExampleRequest = new ListDriversRequest { Status = "submitted", District = "PT-11", Limit = 20 };
            s.ResponseExamples[200] = ListDriversExamples.List;
        });
    }

    public override async Task HandleAsync(ListDriversRequest req, CancellationToken ct)
    {
        var query = req.ToQuery();
        // One extra row tells whether there is a next page without a count query.
        var rows = await drivers.ListAsync(query with { Limit = query.Limit + 1 }, ct);
        var page = rows.Take(query.Limit).ToList();
        var next = rows.Count > query.Limit ? DriverCursor.Encode(page[^1].CreatedAt, page[^1].Id) : null;
        var expired = await documents.ExpiredAsync([.. page.Select(d => d.Id)], DocumentStore.Today(clock), ct);
        await Send.OkAsync(new ListDriversResponse([.. page.Select(d => DriverSummary.From(d, expired.Contains(d.Id)))], next), ct);
    }
}
