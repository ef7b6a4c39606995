using Onboarding.Api.Errors;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>
/// One invalid field before it is put into words: the field, the code it is reported under and its message from
/// <see cref="DriverTexts"/>, rendered in the caller's language only when the answer is written.
/// </summary>
public sealed record FieldProblem(string Field, string Code, DriverMessage Message)
{
    public static FieldProblem Of(string field, DriverMessage message) => new(field, message.Code, message);

    public static FieldProblem Of(string field, DriverText text) => Of(field, text.With());

    public FieldError In(Language language) => new(Field, Code, Message.In(language));

    /// <summary>The failure body in <paramref name="language"/>: the summary, then every field in order.</summary>
    public static FlatError Render(DriverMessage summary, IReadOnlyList<FieldProblem> problems, Language language) =>
        FlatError.From(summary.In(language), [.. problems.Select(p => p.In(language))]);
}
