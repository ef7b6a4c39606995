using Onboarding.Data.Documents;

namespace Onboarding.Api.Features.Documents.ListDriverDocuments;

/// <summary>Examples for the documents routes' OpenAPI description.</summary>
public static class DocumentExamples
{
    private static readonly Guid Driver = Guid.Parse("6f1c2a9e-3b7d-4e5f-9a1b-2c3d4e5f6a7b");

    public static readonly DocumentFile File = new(Guid.Parse("0b9d6c1e-2f3a-4b5c-8d7e-6f5a4b3c2d1e"), "identity", "front", "approved", null,
        "image/jpeg", 184_320, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "typebot",
        new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc), "staff", new DateTime(2026, 11, 26, 11, 0, 0, DateTimeKind.Utc), new DateOnly(2031, 6, 15));

    public static readonly DriverDocumentsResponse Checklist = new(Driver, "bicycle", true, false, false,
        [new ChecklistItem("identity:front", "identity", "front", "documento de identificação (frente)", true, File),
         new ChecklistItem("identity:back", "identity", "back", "documento de identificação (verso)", true, null)],
        [new DocumentView(1, File.Id, "identity", "front", "staff", new DateTime(2026, 11, 26, 10, 30, 0, DateTimeKind.Utc))]);
}
