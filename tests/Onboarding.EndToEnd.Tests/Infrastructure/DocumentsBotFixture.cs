namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The bot fixture with the document checklist on (a car asks for the identity document and the driving licence, front
/// and back) and the files in a folder of its own, so a test can see them come and go.
/// </summary>
public sealed class DocumentsBotFixture : BotFixture
{
    public string DocumentsFolder { get; } = Path.Combine(Path.GetTempPath(), "onboarding-documents-" + Guid.NewGuid().ToString("N"));

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => base.ExtraSettings()
        .Where(s => s.Key != "Documents:Enabled")
        .Concat(new Dictionary<string, string>
        {
            ["Documents:Enabled"] = "true",
            ["Documents:Checklists:car:0"] = "identity",
            ["Documents:Checklists:car:1"] = "driving_licence",
            ["Documents:Storage:Kind"] = "Local",
            ["Documents:Storage:LocalPath"] = DocumentsFolder,
        });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DocumentsFolder))
        {
            Directory.Delete(DocumentsFolder, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DocumentsBotCollection : ICollectionFixture<DocumentsBotFixture>
{
    public const string Name = "documents-bot";
}
