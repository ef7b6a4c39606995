using System.Collections.Frozen;
using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>Yes/no answers to the privacy notice ("sim", "aceito", "true"... / "não", "false"...).</summary>
public static class Consent
{
    private static readonly FrozenSet<string> Yes = FrozenSet.ToFrozenSet(
        ["sim", "s", "yes", "y", "true", "1", "aceito", "aceitar", "aceite", "concordo", "ok", "okay", "claro", "si"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> No = FrozenSet.ToFrozenSet(
        ["nao", "n", "no", "false", "0", "recuso", "rejeito", "nunca"],
        StringComparer.Ordinal);

    /// <summary>
    /// True for an acceptance, false for a refusal, <c>privacy_accepted.invalid</c> otherwise. Case, accents and
    /// trailing words are ignored ("Sim, aceito", "Não aceito").
    /// </summary>
    public static Parsed<bool> ParseAccepted(string? raw)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<bool>.Fail(DriverTexts.PrivacyAnswerRequired);
        }

        var words = TypebotInput.Fold(s).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0)
        {
            if (words.Any(No.Contains))
            {
                return Parsed<bool>.Success(false);
            }

            if (Yes.Contains(words[0]))
            {
                return Parsed<bool>.Success(true);
            }
        }

        return Parsed<bool>.Fail(DriverTexts.PrivacyAnswerInvalid);
    }
}
