using FastEndpoints;
using Npgsql;
using Onboarding.Api.Auth;

namespace Onboarding.Api.Features.Bridge.DeadLetters;

public sealed class ListDeadLettersEndpoint(NpgsqlDataSource dataSource) : EndpointWithoutRequest<DeadLettersResponse>
{
    public override void Configure()
    {
        Get("/api/bridge/dead-letters");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Bridge"));
        Summary(s =>
        {
            s.Summary = $"Outbox rows given up after the retry budget, newest first (at most {DeadLetterQueries.Limit})";
            s.ResponseExamples[200] = DeadLettersExamples.DeadLetters;
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await DeadLetterQueries.ListAsync(dataSource, ct), ct);
}
