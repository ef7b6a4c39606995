using FastEndpoints;
using Npgsql;
using Onboarding.Api.Auth;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Api.Features.Bridge.DeadLetters;

public sealed record RetryDeadLetterRequest
{
    public long Id { get; init; }
}

/// <summary>The row is queued again with a fresh retry budget.</summary>
public sealed record RetryDeadLetterResponse(long Id, string State);

public sealed class RetryDeadLetterEndpoint(OutboxStore outbox, BridgeSignal signal, NpgsqlDataSource dataSource)
    : Endpoint<RetryDeadLetterRequest, RetryDeadLetterResponse>
{
    public override void Configure()
    {
        Post("/api/bridge/dead-letters/{id:long}/retry");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Bridge").Produces(404).ProducesProblemDetails(409));
        Summary(s =>
        {
            s.Summary = "Put a dead letter back in the outbox (404 unknown row, 409 not a dead letter)";
            s.ResponseExamples[200] = new RetryDeadLetterResponse(4711, "pending");
        });
    }

    public override async Task HandleAsync(RetryDeadLetterRequest req, CancellationToken ct)
    {
        if (await DeadLetterQueries.StateAsync(dataSource, req.Id, ct) is not { } state)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        // A row that is not dead, or stopped being dead since it was read (another click, another replica), stays as it is.
        if (state != "dead" || !await outbox.RetryDeadAsync(req.Id, ct))
        {
            AddError($"Outbox row {req.Id} is not a dead letter (it is {(state == "dead" ? "already queued again" : state)}).");
            await Send.ErrorsAsync(409, ct);
            return;
        }

        signal.Wake();
        await Send.OkAsync(new RetryDeadLetterResponse(req.Id, "pending"), ct);
    }
}
