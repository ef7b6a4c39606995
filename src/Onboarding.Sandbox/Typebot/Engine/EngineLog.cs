namespace Onboarding.Sandbox.Typebot.Engine;

/// <summary>The emulator's log messages. Values that may hold personal data (replies, variables) are never logged.</summary>
public static partial class EngineLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Typebot emulator skipped block {BlockId} of unsupported type '{BlockType}'")]
    public static partial void LogBlockSkipped(this ILogger logger, string blockId, string blockType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Typebot link block {BlockId} points at flow {TypebotId}, which is not loaded; skipped")]
    public static partial void LogLinkedFlowMissing(this ILogger logger, string blockId, string typebotId);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP request block {BlockId}: {Method} {Host} answered {StatusCode}")]
    public static partial void LogHttpRequest(this ILogger logger, string blockId, string method, string host, int statusCode);
}
