namespace Onboarding.Bridge.Clients.WppConnect;

/// <summary>
/// A send target as the server wants it: digits only plus the flags that choose the suffix. Accepts a chat id as
/// received (<c>351…@c.us</c>, <c>…@lid</c>, <c>…@g.us</c>) or a phone typed with <c>+</c>, spaces or <c>00</c>.
/// </summary>
public readonly record struct WppRecipient(string Digits, bool IsLid, bool IsGroup)
{
    public static WppRecipient Parse(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var at = target.IndexOf('@', StringComparison.Ordinal);
        var server = at >= 0 ? target[(at + 1)..] : "";
        var local = at >= 0 ? target[..at] : target;
        var digits = new string(local.Where(char.IsAsciiDigit).ToArray());
        var isLid = server.Equals("lid", StringComparison.OrdinalIgnoreCase);
        var isGroup = server.Equals("g.us", StringComparison.OrdinalIgnoreCase);
        if (!isLid && !isGroup && at < 0 && local.TrimStart().StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (digits.Length == 0)
        {
            throw new ArgumentException("The WhatsApp target has no digits.", nameof(target));
        }

        return new WppRecipient(digits, isLid, isGroup);
    }

    /// <summary>The chat id the server derives from these digits and flags.</summary>
    public string ChatId => $"{Digits}@{(IsGroup ? "g.us" : IsLid ? "lid" : "c.us")}";
}
