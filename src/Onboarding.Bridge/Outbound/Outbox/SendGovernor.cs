using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Governor;
using Onboarding.Bridge.Session;
using Onboarding.Bridge.State;

namespace Onboarding.Bridge.Outbound.Outbox;

/// <summary>
/// Decides, for the WhatsApp row at the head of a chat's class, whether it goes now (and how long "typing…" shows
/// first), waits, or is not sent at all (docs/0027, 0028). Replies only ever wait for the session and their own budget;
/// service notices also wait for their budget, gaps, the ramp after a reconnection and a restriction pause, and go
/// only to chats where the driver wrote lately. A held row keeps its attempts and its place in its class.
/// </summary>
public sealed partial class SendGovernor(
    GovernorStore store,
    BridgeState state,
    GovernorClock clock,
    IOptions<GovernorOptions> options,
    IOptions<ChatwootOptions> chatwoot,
    IOptions<WhatsAppOptions> whatsApp,
    BridgeSignal signal,
    ILogger<SendGovernor> logger)
{
    public const string RestrictedUntil = "governor.restricted_until";
    public const string RestrictedReason = "governor.restricted_reason";
    public const string ConnectedSince = "governor.connected_since";

    public const string ReplyBudget = "whatsapp.replies";
    public const string NoticeBudget = "whatsapp.service_notices";
    public const string NewChatBudget = "whatsapp.new_chats";
    public const string BusinessInitiatedBudget = "whatsapp.business_initiated";
    public const string AuthorizationAlerted = "governor.cloudapi_authorization";

    private static readonly TimeSpan ShortestHold = TimeSpan.FromMilliseconds(50);

    private GovernorOptions Options => options.Value;

    /// <summary>
    /// Null when the row was held or settled here (the lane moves on to its next row); otherwise the row may be sent
    /// now, after showing "typing…" for the returned time.
    /// </summary>
    public async Task<TimeSpan?> AdmitAsync(NpgsqlConnection connection, OutboxItem item, OutboxPayload payload, CancellationToken ct)
    {
        if (!Options.Enabled || item.Lane != OutboxLanes.WhatsApp || item.Kind == OutboxKinds.Pause)
        {
            return TimeSpan.Zero;
        }

        var now = clock.Now;
        var cloud = whatsApp.Value.IsCloudApi;

        // The Cloud API has no session to wait for and no WhatsApp Web ramp.
        var session = cloud ? null : await state.GetAsync(BridgeState.SessionStatus, ct);
        var waiting = session is not null && session != SessionHealth.Connected;
        GovernorMetrics.SessionWait(waiting);
        var notice = item.MessageClass == MessageClasses.ServiceNotice;
        if (notice && now.UtcDateTime - DateTime.SpecifyKind(item.CreatedAt, DateTimeKind.Utc) > Options.NoticeMaxAge && item.State == "pending")
        {
            GovernorMetrics.NoticeExpired();
            await SettleAsync(connection, item, "expired", $"expired after {Options.NoticeMaxAge.TotalHours:F0} h",
                $"ℹ️ Um aviso automático ao condutor não foi enviado: esperou mais de {Hours(Options.NoticeMaxAge)} h (sessão do WhatsApp desligada ou envios em pausa). Envie-o à mão se ainda fizer sentido.", ct);
            return null;
        }

        if (waiting)
        {
            // Nothing can go out: wait without spending attempts, and resume in order when the session is back.
            await HoldAsync(connection, item, "session " + session, Options.HoldRecheck, ct);
            return null;
        }

        var share = cloud ? 1.0 : Options.Ramp(await SinceConnectedAsync(now, ct));
        if (!notice)
        {
            var reply = await GovernorStore.TryTakeAsync(connection, [cloud ? Throughput(ReplyBudget) : Replies().Scaled(share)], now, TimeSpan.Zero, null, ct);
            return reply.Granted ? Typing(payload) : await HeldAsync(connection, item, reply, now, ct);
        }

        if (await PausedUntilAsync(now, ct) is { } until)
        {
            await HoldAsync(connection, item, "restricted", until - now, ct);
            return null;
        }

        if (cloud)
        {
            return await AdmitCloudNoticeAsync(connection, item, payload, now, ct);
        }

        if (!await GovernorStore.DriverWroteSinceAsync(connection, item.WaChatId, now - Options.ColdWindow, ct))
        {
            GovernorMetrics.ColdSkipped();
            await SettleAsync(connection, item, "cold", "cold chat: the driver did not write within the window",
                $"ℹ️ Um aviso automático não foi enviado: o condutor não escreve há mais de {Options.ColdWindow.TotalDays:F0} dias e o número não escreve primeiro a quem não escreveu (regras do número). Contacte-o por outro meio ou espere que escreva.", ct);
            return null;
        }

        IReadOnlyList<RateBudget> budgets = await GovernorStore.NumberWroteBeforeAsync(connection, item.WaChatId, ct)
            ? [Notices().Scaled(share)]
            : [Notices().Scaled(share), NewChats().Scaled(share)];
        var answer = await GovernorStore.TryTakeAsync(connection, budgets, now, Options.Gap(clock.NextUnit()), item.Id.ToString(CultureInfo.InvariantCulture), ct);
        return answer.Granted ? Typing(payload) : await HeldAsync(connection, item, answer, now, ct);
    }

    /// <summary>
    /// A service notice over the Cloud API (docs/0044): the 24-hour window replaces the no-cold rule (the dispatcher
    /// sends a template outside it, or nothing), and Meta's limits replace WhatsApp Web's: the throughput, and the
    /// tier's unique chats a day opened by the business, counted once per chat a day.
    /// </summary>
    private async Task<TimeSpan?> AdmitCloudNoticeAsync(NpgsqlConnection connection, OutboxItem item, OutboxPayload payload, DateTimeOffset now, CancellationToken ct)
    {
        var day = now - TimeSpan.FromDays(1);
        var opens = !await GovernorStore.DriverWroteSinceAsync(connection, item.WaChatId, now - ConversationWindow.Length, ct)
            && !await GovernorStore.GrantedSinceAsync(connection, BusinessInitiatedBudget, item.WaChatId, day, ct);
        IReadOnlyList<RateBudget> budgets = opens
            ? [Throughput(NoticeBudget), new RateBudget(BusinessInitiatedBudget, 0, 0, Options.CloudApi.BusinessInitiatedPerDay)]
            : [Throughput(NoticeBudget)];
        var answer = await GovernorStore.TryTakeAsync(connection, budgets, now, TimeSpan.Zero, item.WaChatId, ct);
        return answer.Granted ? Typing(payload) : await HeldAsync(connection, item, answer, now, ct);
    }

    /// <summary>
    /// True when the send's failure is the governor's to handle: a restriction (service notices pause, operations are
    /// alerted) or a session that is not connected (the lane waits). Nothing was sent either way, so the row waits
    /// with its attempt given back.
    /// </summary>
    public async Task<bool> AfterSendAsync(NpgsqlConnection connection, OutboxItem item, WppSendResult result, CancellationToken ct)
    {
        if (!Options.Enabled || result.Succeeded)
        {
            return false;
        }

        if (whatsApp.Value.IsCloudApi && CloudSendClassifier.IsAuthorization(result))
        {
            // Our token or the app's permissions: nothing will go out until an operator fixes them, so every row waits.
            await AuthorizationFailedAsync(connection, result.Error ?? "190", ct);
            GovernorMetrics.HeldBack(item.MessageClass, "authorization");
            await OutboxStore.MarkHeldAsync(connection, item.Id, "held: Cloud API authorization", Options.HoldRecheck, refund: true, ct);
            return true;
        }

        if (RestrictionSignals.IsRestriction(result) || (whatsApp.Value.IsCloudApi && CloudSendClassifier.IsRestriction(result)))
        {
            await RestrictAsync(connection, result.Error ?? "463", ct);
            if (item.MessageClass != MessageClasses.ServiceNotice)
            {
                // A reply is not paused: it takes the ordinary retry path and its budget.
                return false;
            }

            GovernorMetrics.HeldBack(item.MessageClass, "restricted");
            await OutboxStore.MarkHeldAsync(connection, item.Id, "held: restricted", Options.HoldRecheck, refund: true, ct);
            return true;
        }

        if (RestrictionSignals.IsDisconnected(result))
        {
            LogSessionLost(item.Id);
            await state.SetAsync(BridgeState.SessionStatus, "DISCONNECTED", ct);
            GovernorMetrics.SessionWait(true);
            await OutboxStore.MarkHeldAsync(connection, item.Id, "session not connected", Options.HoldRecheck, refund: true, ct);
            return true;
        }

        return false;
    }

    /// <summary>The session is connected again: the budgets start the ramp.</summary>
    public Task ReconnectedAsync(CancellationToken ct) =>
        state.SetAsync(ConnectedSince, clock.Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ct);

    /// <summary>What the console and the gauges show: budgets used, the ramp, and why sends wait, if they do.</summary>
    public async Task<GovernorStatus> StatusAsync(CancellationToken ct)
    {
        var now = clock.Now;
        var cloud = whatsApp.Value.IsCloudApi;
        var share = cloud ? 1.0 : Options.Ramp(await SinceConnectedAsync(now, ct));
        var usages = new List<BudgetUsage>();
        var budgets = cloud
            ? new[] { Throughput(ReplyBudget), Throughput(NoticeBudget), new RateBudget(BusinessInitiatedBudget, 0, 0, Options.CloudApi.BusinessInitiatedPerDay) }
            : [Replies(), Notices(), NewChats()];
        foreach (var budget in budgets)
        {
            var usage = await store.UsageAsync(budget.Scaled(share), now, ct);
            GovernorMetrics.Usage(usage);
            usages.Add(usage);
        }

        var session = await state.GetAsync(BridgeState.SessionStatus, ct);
        var paused = await PausedUntilAsync(now, ct);
        GovernorMetrics.SessionWait(session is not null && session != SessionHealth.Connected);
        return new GovernorStatus(Options.Enabled, session, paused,
            paused is null ? null : await state.GetAsync(RestrictedReason, ct), share, usages);
    }

    private RateBudget Replies() => new(ReplyBudget, Options.Replies.PerMinute, Options.Replies.PerHour, Options.Replies.PerDay);

    private RateBudget Notices() =>
        new(NoticeBudget, Options.ServiceNotices.PerMinute, Options.ServiceNotices.PerHour, Options.ServiceNotices.PerDay);

    /// <summary>Meta's throughput as a per-minute budget (0: none).</summary>
    private RateBudget Throughput(string name) => new(name, Options.CloudApi.MessagesPerSecond * 60, 0, 0);

    private RateBudget NewChats() => new(NewChatBudget, 0, 0, Options.NewChatsPerDay);

    private TimeSpan Typing(OutboxPayload payload) => Options.Typing(payload.Text?.Length ?? 0);

    private async Task<TimeSpan?> HeldAsync(NpgsqlConnection connection, OutboxItem item, BudgetAnswer answer, DateTimeOffset now, CancellationToken ct)
    {
        await HoldAsync(connection, item, answer.Reason ?? "budget", answer.RetryAt - now, ct);
        return null;
    }

    private async Task HoldAsync(NpgsqlConnection connection, OutboxItem item, string reason, TimeSpan wait, CancellationToken ct)
    {
        GovernorMetrics.HeldBack(item.MessageClass, reason.Split(':', ' ')[^1]);
        var delay = wait < ShortestHold ? ShortestHold : wait > Options.HoldRecheck ? Options.HoldRecheck : wait;
        await OutboxStore.MarkHeldAsync(connection, item.Id, "held: " + reason, delay, refund: false, ct);
    }

    /// <summary>Not sent, for good: finished with its reason, and the agents told in the chat's conversation.</summary>
    private async Task SettleAsync(NpgsqlConnection connection, OutboxItem item, string what, string reason, string note, CancellationToken ct)
    {
        LogSettled(item.Id, what);
        await OutboxStore.MarkDroppedAsync(connection, item.Id, reason, ct);
        if (item.ChatwootConversationId is { } conversation)
        {
            await EnqueueNoteAsync(connection, $"{what}:{item.Id}", item.WaChatId, (int)conversation, note, ct);
        }
    }

    /// <summary>Alerts operations once an hour while the Cloud API refuses our token.</summary>
    private async Task AuthorizationFailedAsync(NpgsqlConnection connection, string error, CancellationToken ct)
    {
        var hour = clock.Now.ToUnixTimeSeconds() / 3600;
        var key = hour.ToString(CultureInfo.InvariantCulture);
        if (await state.GetAsync(AuthorizationAlerted, ct) == key)
        {
            return;
        }

        await state.SetAsync(AuthorizationAlerted, key, ct);
        LogAuthorization();
        if (chatwoot.Value.OperationsConversationId is { } operations)
        {
            await EnqueueNoteAsync(connection, "alert:cloudapi-authorization:" + key, "operations", operations,
                $"⚠️ A Cloud API do WhatsApp recusou o nosso token ou as permissões da aplicação: {(error.Length > 200 ? error[..200] : error)}. Nenhuma mensagem sai até que WhatsApp:CloudApi:AccessToken seja renovado; as mensagens esperam na fila.", ct);
        }
    }

    private async Task RestrictAsync(NpgsqlConnection connection, string error, CancellationToken ct)
    {
        var now = clock.Now;
        GovernorMetrics.Restricted();
        if (await PausedUntilAsync(now, ct) is not null)
        {
            return;
        }

        var until = now + Options.RestrictionBackoff;
        LogRestricted(until);
        await state.SetAsync(RestrictedReason, "restricted (463): " + (error.Length > 200 ? error[..200] : error), ct);
        await state.SetAsync(RestrictedUntil, until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ct);
        GovernorMetrics.Paused(true);
        if (chatwoot.Value.OperationsConversationId is { } operations)
        {
            await EnqueueNoteAsync(connection, "alert:restricted:" + until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), "operations", operations,
                $"⚠️ O WhatsApp recusou um envio com uma restrição (463). Os avisos automáticos estão em pausa até {until:yyyy-MM-dd HH:mm} UTC; as respostas aos condutores continuam. Veja a página Ponte da consola.", ct);
        }
    }

    private async Task EnqueueNoteAsync(NpgsqlConnection connection, string key, string chat, int conversation, string text, CancellationToken ct)
    {
        await OutboxStore.InsertAsync(connection, null, new OutboxEntry("note:" + key, chat, OutboxKinds.ChatwootMessage,
            new OutboxPayload { Text = text, Private = true, SourceId = "onboarding:note:" + key })
        {
            Lane = OutboxLanes.Chatwoot,
            ChatwootConversationId = conversation,
        }, ct);
        signal.Wake();
    }

    private async Task<DateTimeOffset?> PausedUntilAsync(DateTimeOffset now, CancellationToken ct)
    {
        var until = await state.GetAsync(RestrictedUntil, ct) is { } raw && long.TryParse(raw, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : (DateTimeOffset?)null;
        var paused = until > now;
        GovernorMetrics.Paused(paused);
        return paused ? until : null;
    }

    private async Task<TimeSpan?> SinceConnectedAsync(DateTimeOffset now, CancellationToken ct) =>
        await state.GetAsync(ConnectedSince, ct) is { } raw && long.TryParse(raw, CultureInfo.InvariantCulture, out var ms)
            ? now - DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private static string Hours(TimeSpan t) => t.TotalHours.ToString("0", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp answered a send with a restriction; service notices pause until {Until}")]
    private partial void LogRestricted(DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Cloud API refused our access token or permissions; WhatsApp sends wait")]
    private partial void LogAuthorization();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id}: the WhatsApp session is not connected; the lane waits for it")]
    private partial void LogSessionLost(long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Id} not sent: {What}")]
    private partial void LogSettled(long id, string what);
}

/// <summary>The governor as the console shows it.</summary>
public sealed record GovernorStatus(bool Enabled, string? Session, DateTimeOffset? PausedUntil, string? PausedReason, double Ramp,
    IReadOnlyList<BudgetUsage> Budgets);
