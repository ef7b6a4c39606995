namespace Onboarding.Api.Errors;

/// <summary>One invalid field, with a machine code and a pt-PT message the driver can read.</summary>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>
/// The failure body of the Typebot route. Flat on purpose: a Typebot HTTP block maps variables with simple paths
/// (<c>data.message</c>, <c>data.first_error_field</c>) and cannot walk RFC 9457 extension members.
/// </summary>
public sealed record FlatError(bool Ok, string Message, IReadOnlyList<FieldError> Errors, string? FirstErrorField)
{
    public static FlatError From(string message, IReadOnlyList<FieldError> errors) =>
        new(false, message, errors, errors.Count > 0 ? errors[0].Field : null);
}
