namespace Onboarding.Data.Portugal;

/// <summary>
/// Result of parsing one raw (Typebot, string-typed) input value. <see cref="Code"/> is a machine code such as
/// <c>nif.checksum</c>; <see cref="Message"/> is short pt-PT text that can be shown to the driver.
/// </summary>
public readonly record struct Parsed<T>(T? Value, string? Code, string? Message)
{
    /// <summary>True when parsing succeeded and <see cref="Value"/> holds the canonical form.</summary>
    public bool Ok => Code is null;

    /// <summary>The failure as a standalone value, or null on success.</summary>
    public ParseFailure? Failure => Code is null ? null : new ParseFailure(Code, Message ?? string.Empty);

#pragma warning disable CA1000 // Static factories on the generic result type are the intended API.
    public static Parsed<T> Success(T value) => new(value, null, null);

    public static Parsed<T> Fail(string code, string message) => new(default, code, message);

    public static Parsed<T> Fail(ParseFailure failure) => new(default, failure.Code, failure.Message);
#pragma warning restore CA1000
}

/// <summary>A field-level validation failure: machine code + pt-PT message.</summary>
public sealed record ParseFailure(string Code, string Message);
