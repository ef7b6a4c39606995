using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace Onboarding.Data.Migrations;

internal sealed class DbUpLogger(ILogger logger) : IUpgradeLog
{
    public void LogTrace(string format, params object[] args) => logger.LogTrace("{DbUp}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void LogDebug(string format, params object[] args) => logger.LogDebug("{DbUp}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void LogInformation(string format, params object[] args) => logger.LogInformation("{DbUp}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void LogWarning(string format, params object[] args) => logger.LogWarning("{DbUp}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void LogError(string format, params object[] args) => logger.LogError("{DbUp}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{DbUp}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
