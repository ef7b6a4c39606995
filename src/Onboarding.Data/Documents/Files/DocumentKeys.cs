namespace Onboarding.Data.Documents.Files;

/// <summary>The one rule for document keys, shared by every store: [a-z0-9.-] segments joined by single '/'.</summary>
public static class DocumentKeys
{
    public const int MaxLength = 200;

    /// <summary>Throws when <paramref name="key"/> could leave a folder, collide with a sidecar file or need escaping.</summary>
    public static void Validate(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength || key.StartsWith('/') || key.EndsWith('/')
            || key.Contains("//", StringComparison.Ordinal) || key.Contains("..", StringComparison.Ordinal)
            || key.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '/' or '-' or '.')))
        {
            throw new ArgumentException("A document key holds only lower-case letters, digits, '-', '.' and single '/'.", nameof(key));
        }
    }
}
