namespace Onboarding.Typebot.Flows;

/// <summary>The file is not an importable Typebot 6.x export.</summary>
public sealed class FlowFormatException(string message) : Exception(message);
