using FastEndpoints;
using Npgsql;
using Onboarding.Api.Auth;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Bridge.Session;

namespace Onboarding.Api.Features.Bridge.Governor;

public sealed class GetGovernorEndpoint(SendGovernor governor, NpgsqlDataSource dataSource) : EndpointWithoutRequest<GovernorResponse>
{
    private static readonly Dictionary<string, string> Classes = new(StringComparer.Ordinal)
    {
        [SendGovernor.ReplyBudget] = "reply",
        [SendGovernor.NoticeBudget] = "service_notice",
        [SendGovernor.NewChatBudget] = "new_chat",
    };

    public override void Configure()
    {
        Get("/api/bridge/governor");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Bridge"));
        Summary(s =>
        {
            s.Summary = "The sending governor: budgets used, the ramp, whether service notices are paused and why, notices not sent";
            s.ResponseExamples[200] = GovernorExamples.Governor;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var status = await governor.StatusAsync(ct);
        var waiting = status.Enabled && status.Session is not null && status.Session != SessionHealth.Connected;
        var because = !status.Enabled ? null : status.PausedUntil is not null ? "restricted" : waiting ? "session" : null;
        var budgets = status.Budgets.Select(b => new GovernorBudget(b.Name, Classes.GetValueOrDefault(b.Name, b.Name),
        [
            new BudgetWindow("minute", b.Minute, Limit(b.PerMinute)),
            new BudgetWindow("hour", b.Hour, Limit(b.PerHour)),
            new BudgetWindow("day", b.Day, Limit(b.PerDay)),
        ], b.NextAt)).ToList();
        await Send.OkAsync(new GovernorResponse(status.Enabled, status.Session, waiting, because is not null, because,
            status.PausedUntil, status.PausedReason, Math.Round(status.Ramp, 3), budgets, await SkippedAsync(ct)), ct);
    }

    private static int? Limit(int limit) => limit > 0 ? limit : null;

    private async Task<GovernorSkipped> SkippedAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var (cold, expired) = await OutboxStore.SkippedNoticesAsync(connection, ct);
        return new GovernorSkipped(cold, expired);
    }
}
