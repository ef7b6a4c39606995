using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Api.Errors;
using Onboarding.Api.Features.Drivers.RegisterDriver;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Documents.NextDocument;

/// <summary>The flow's document loop asks here what to ask for next; the checklist in configuration drives it.</summary>
public sealed class NextDocumentEndpoint(DocumentProgress progress) : EndpointWithoutRequest
{
    public const string Route = "/documents/next_typebot";

    /// <summary>The body members this route reads.</summary>
    public static readonly IReadOnlyList<string> FieldNames = ["driver_id"];

    public static readonly IReadOnlyList<string> RequiredFieldNames = ["driver_id"];

    public override void Configure()
    {
        Post(Route);
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Typebot);
        Description(d => d
            .WithName("next_document_typebot")
            .WithTags("Typebot")
            .Produces<NextDocumentResponse>(200)
            .Produces<FlatError>(400)
            .Produces<FlatError>(401)
            .Produces<FlatError>(422), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "The next document the driver should send (asked again first, then missing), or done";
            s.Description = "Values may be strings. The prompt is in pt-PT, or in English with Accept-Language: en.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var language = AnswerLanguage.Of(HttpContext.Request);
        var body = await LenientJsonBody.ReadAsync(HttpContext.Request, FieldNames, ct);
        if (body.Fields is null)
        {
            var (status, error) = TypebotDocumentAnswers.Unreadable(body, language);
            await Send.StringAsync(TypebotDocumentAnswers.Json(HttpContext, error), status, "application/json", ct);
            return;
        }

        var (id, problem) = TypebotDocumentAnswers.DriverId(body.Fields);
        var driver = id is { } driverId ? await progress.ForAsync(driverId, ct) : null;
        if (driver is null)
        {
            var failure = TypebotDocumentAnswers.Failure(problem ?? FieldProblem.Of("driver_id", DriverTexts.DriverUnknown), language);
            await Send.StringAsync(TypebotDocumentAnswers.Json(HttpContext, failure), 422, "application/json", ct);
            return;
        }

        var answer = driver.State.Next is { } next
            ? new NextDocumentResponse(true, false, next.Slot.Key,
                next.AskedAgain
                    ? DriverTexts.DocumentPromptAgain.With(next.Title, next.Current!.Reason ?? "").In(language)
                    : DriverTexts.DocumentPrompt.With(next.Title).In(language),
                "")
            : new NextDocumentResponse(true, true, "", "",
                // Nothing was ever asked (no checklist for this vehicle): the flow ends without a word.
                driver.State.Slots.Count == 0 ? "" : DriverTexts.DocumentsDone.With().In(language));
        await Send.StringAsync(TypebotDocumentAnswers.Json(HttpContext, answer), 200, "application/json", ct);
    }
}
