using Onboarding.Api.Auth;
using Onboarding.Api.Errors;
using Onboarding.Api.Features.Drivers.RegisterDriver;
using Onboarding.Data.Documents;
using Onboarding.Data.Documents.Checklist;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Documents.SetDocumentExpiry;

/// <summary>The expiry date the driver typed after the last side of a document that expires.</summary>
public sealed class SetDocumentExpiryEndpoint(DocumentProgress progress, DocumentStore documents, TimeProvider clock) : TypebotDocumentEndpoint(progress)
{
    public const string Route = "/documents/expiry_typebot";

    public static readonly IReadOnlyList<string> FieldNames = ["driver_id", "document", "expires_on"];

    public static readonly IReadOnlyList<string> RequiredFieldNames = ["driver_id", "document", "expires_on"];

    protected override IReadOnlyList<string> Fields => FieldNames;

    public override void Configure()
    {
        Post(Route);
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Typebot);
        Description(d => d
            .WithName("document_expiry_typebot")
            .WithTags("Typebot")
            .Produces<SetDocumentExpiryResponse>(200)
            .Produces<FlatError>(400)
            .Produces<FlatError>(401)
            .Produces<FlatError>(422), clearDefaults: true);
        Summary(s => s.Summary = "Record the expiry date (dd/mm/yyyy) of a document the driver sent");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (await ReadAsync(ct) is not var (driver, fields, language))
        {
            return;
        }

        var kind = DocumentSlot.Parse(fields.GetValueOrDefault("document"))?.Kind;
        if (driver.State.Slots.FirstOrDefault(s => s.Slot.Kind.Code == kind && s.Slot.Kind.Expires)?.Slot.Kind is not { } expiring)
        {
            await FailAsync(FieldProblem.Of("document", DriverTexts.DocumentUnknown), language, ct);
            return;
        }

        if (ExpiryDate.Parse(fields.GetValueOrDefault("expires_on")) is not { } date)
        {
            await FailAsync(FieldProblem.Of("expires_on", DriverTexts.ExpiryFormat), language, ct);
            return;
        }

        if (date < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            await FailAsync(FieldProblem.Of("expires_on", DriverTexts.ExpiryPast), language, ct);
            return;
        }

        await documents.SetExpiryAsync(driver.Driver.Id, expiring.Code, date, ct);
        await SendAsync(200, new SetDocumentExpiryResponse(true, DriverTexts.ExpiryStored.With().In(language)), ct);
    }
}

/// <summary>Flat for the flow: <c>data.message</c> thanks the driver.</summary>
public sealed record SetDocumentExpiryResponse(bool Ok, string Message);
