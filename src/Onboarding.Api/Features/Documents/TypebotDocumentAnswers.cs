using System.Text.Json;
using Onboarding.Api.Errors;
using Onboarding.Api.Features.Drivers.RegisterDriver;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Documents;

/// <summary>What the document routes for the flow share: the driver named in the body, and flat answers (docs/0033).</summary>
public static class TypebotDocumentAnswers
{
    /// <summary>The driver id of the body, or the problem to answer with.</summary>
    public static (Guid? Id, FieldProblem? Problem) DriverId(IReadOnlyDictionary<string, string?> fields) =>
        fields.GetValueOrDefault("driver_id")?.Trim() is not { Length: > 0 } text
            ? (null, FieldProblem.Of("driver_id", DriverTexts.DriverRequired))
            : Guid.TryParse(text, out var id) ? (id, null) : (null, FieldProblem.Of("driver_id", DriverTexts.DriverUnknown));

    public static FlatError Failure(FieldProblem problem, Language language) => FieldProblem.Render(problem.Message, [problem], language);

    /// <summary>The failure of a body that could not be read (400) or had fields of the wrong type (422).</summary>
    public static (int Status, FlatError Body) Unreadable(LenientJsonBody.Result body, Language language) =>
        (body.Problems.Any(e => e.Field == "body") ? 400 : 422, FieldProblem.Render(body.Summary!, body.Problems, language));

    public static string Json(HttpContext context, object body) => JsonSerializer.Serialize(body, body.GetType(), ApiErrorWriter.JsonOf(context));
}
