namespace Onboarding.Api.Features.Documents.NextDocument;

/// <summary>
/// Flat for the flow: <c>data.document</c> is the side to ask for (<c>identity:front</c>), empty when nothing is
/// missing; <c>data.prompt</c> asks for it in the driver's language; <c>data.message</c> closes the loop when done.
/// </summary>
public sealed record NextDocumentResponse(bool Ok, bool Done, string Document, string Prompt, string Message);
