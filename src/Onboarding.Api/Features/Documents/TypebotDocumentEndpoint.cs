using System.Text.Json;
using FastEndpoints;
using Onboarding.Api.Errors;
using Onboarding.Api.Features.Drivers.RegisterDriver;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Documents;

/// <summary>
/// What the document routes for the flow share (docs/0033): a lenient body, the driver it names, and flat answers the
/// flow maps with <c>bodyPath</c>; every failure the same shape and status in all three routes.
/// </summary>
public abstract class TypebotDocumentEndpoint(DocumentProgress progress) : EndpointWithoutRequest
{
    protected DocumentProgress Progress { get; } = progress;

    /// <summary>The body members the route reads.</summary>
    protected abstract IReadOnlyList<string> Fields { get; }

    /// <summary>
    /// The body's fields, the driver it names and the answer's language; null once the failure was sent (400 for a
    /// body that cannot be read, 422 for a field of the wrong type or a missing or unknown driver).
    /// </summary>
    protected async Task<TypebotDocumentRequest?> ReadAsync(CancellationToken ct)
    {
        var language = AnswerLanguage.Of(HttpContext.Request);
        var body = await LenientJsonBody.ReadAsync(HttpContext.Request, Fields, ct);
        if (body.Fields is null)
        {
            var status = body.Problems.Any(e => e.Field == "body") ? 400 : 422;
            await SendAsync(status, FieldProblem.Render(body.Summary!, body.Problems, language), ct);
            return null;
        }

        var problem = FieldProblem.Of("driver_id", DriverTexts.DriverUnknown);
        DriverProgress? driver = null;
        if (body.Fields.GetValueOrDefault("driver_id")?.Trim() is not { Length: > 0 } text)
        {
            problem = FieldProblem.Of("driver_id", DriverTexts.DriverRequired);
        }
        else if (Guid.TryParse(text, out var id))
        {
            driver = await Progress.ForAsync(id, ct);
        }

        if (driver is null)
        {
            await FailAsync(problem, language, ct);
            return null;
        }

        return new TypebotDocumentRequest(driver, body.Fields, language);
    }

    /// <summary>A 422 naming the field, in the driver's language.</summary>
    protected Task FailAsync(FieldProblem problem, Language language, CancellationToken ct) =>
        SendAsync(422, FieldProblem.Render(problem.Message, [problem], language), ct);

    protected Task SendAsync(int status, object body, CancellationToken ct) =>
        Send.StringAsync(JsonSerializer.Serialize(body, body.GetType(), ApiErrorWriter.JsonOf(HttpContext)), status, "application/json", ct);
}

/// <summary>A readable body of a document route: the driver it names, its fields, and the language to answer in.</summary>
public sealed record TypebotDocumentRequest(DriverProgress Driver, IReadOnlyDictionary<string, string?> Fields, Language Language);
