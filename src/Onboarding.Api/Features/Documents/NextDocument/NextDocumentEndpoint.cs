using Onboarding.Api.Auth;
using Onboarding.Api.Errors;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Documents.NextDocument;

/// <summary>The flow's document loop asks here what to ask for next; the checklist in configuration drives it.</summary>
public sealed class NextDocumentEndpoint(DocumentProgress progress) : TypebotDocumentEndpoint(progress)
{
    public const string Route = "/documents/next_typebot";

    /// <summary>The body members this route reads.</summary>
    public static readonly IReadOnlyList<string> FieldNames = ["driver_id"];

    public static readonly IReadOnlyList<string> RequiredFieldNames = ["driver_id"];

    protected override IReadOnlyList<string> Fields => FieldNames;

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
        if (await ReadAsync(ct) is not var (driver, _, language))
        {
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
        await SendAsync(200, answer, ct);
    }
}
