using System.Reflection;

namespace Onboarding.Api.Hosting;

/// <summary>
/// SIGTERM ends the program within 10 s whatever is down. Stopping services get 8 s (<c>HostOptions.ShutdownTimeout</c>),
/// but a service that ignores its cancelled token (Quartz waiting on a job that retries an unreachable Postgres) would
/// keep the process alive; at 9.5 s the process exits. Nothing is lost by it: the ledger and the outbox are replayed
/// from Postgres by the next process, and a send of unknown fate is looked up before it is sent again (docs/0008).
/// Armed only when this host is the program itself, never inside a test process that hosts it.
/// </summary>
public static partial class ShutdownDeadline
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(9.5);

    public static void Arm(WebApplication app)
    {
        if (Assembly.GetEntryAssembly()?.GetName().Name is not ("Onboarding.Api" or "Onboarding.Sandbox"))
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ShutdownDeadline));
        app.Lifetime.ApplicationStopping.Register(() => _ = Task.Run(async () =>
        {
            await Task.Delay(Deadline);
            Overran(logger, Deadline.TotalSeconds);
            Environment.Exit(0);
        }));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown still running after {Seconds} s (a service ignored its stop deadline); exiting")]
    private static partial void Overran(ILogger logger, double seconds);
}
