using System.Security.Cryptography;

namespace Onboarding.Sandbox.Typebot.Engine;

/// <summary>Random ids shaped like Typebot's cuid2 ids (lower-case letter, then 23 lower-case letters or digits).</summary>
public static class IdGenerator
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewId() =>
        RandomNumberGenerator.GetString(Letters, 1) + RandomNumberGenerator.GetString(Alphabet, 23);
}
