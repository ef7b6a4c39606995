namespace Onboarding.Bridge.Clients.WppConnect;

/// <summary>Downloaded media of a message.</summary>
public sealed record WppMedia(byte[] Content, string MimeType);
