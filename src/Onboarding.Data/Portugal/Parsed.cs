using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>
/// Result of parsing one raw (Typebot, string-typed) input value: the canonical value, or an <see cref="Error"/>
/// from <see cref="DriverTexts"/> that the caller renders in the driver's language.
/// </summary>
public readonly record struct Parsed<T>(T? Value, DriverMessage? Error)
{
    /// <summary>True when parsing succeeded and <see cref="Value"/> holds the canonical form.</summary>
    public bool Ok => Error is null;

    /// <summary>The machine code of the failure, such as <c>nif.checksum</c>, or null on success.</summary>
    public string? Code => Error?.Code;

    /// <summary>The failure in pt-PT, the default language; an answer to a driver renders <see cref="Error"/> in theirs.</summary>
    public string? Message => Error?.In(Language.Portuguese);

#pragma warning disable CA1000 // Static factories on the generic result type are the intended API.
    public static Parsed<T> Success(T value) => new(value, null);

    public static Parsed<T> Fail(DriverMessage error) => new(default, error);

    public static Parsed<T> Fail(DriverText text) => new(default, text.With());
#pragma warning restore CA1000
}
