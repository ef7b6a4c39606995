namespace Onboarding.Sandbox.CloudApi;

/// <summary>A file the Cloud API holds under a media id: uploaded by us, or sent by a user.</summary>
public sealed record CloudMedia(string Id, byte[] Content, string MimeType, string? FileName, DateTimeOffset StoredAt)
{
    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));
}
