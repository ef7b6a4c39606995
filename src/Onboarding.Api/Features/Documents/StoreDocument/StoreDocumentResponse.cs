namespace Onboarding.Api.Features.Documents.StoreDocument;

/// <summary>
/// Flat for the flow: <c>data.message</c> acknowledges the file; <c>data.expiry_question</c>, when not empty, is the
/// question the flow asks next (the document expires and this was its last side).
/// </summary>
public sealed record StoreDocumentResponse(bool Ok, string Document, string Message, string ExpiryQuestion);
