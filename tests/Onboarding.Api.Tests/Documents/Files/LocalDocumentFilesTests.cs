using Onboarding.Data.Documents.Files;

namespace Onboarding.Api.Tests.Documents.Files;

/// <summary>The store contract on a local folder (the Sandbox default).</summary>
public sealed class LocalDocumentFilesTests : DocumentFilesContract
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("onboarding-documents-");

    public override ValueTask InitializeAsync()
    {
        Files = new LocalDocumentFiles(_root.FullName);
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        _root.Delete(recursive: true);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Nothing_is_written_outside_the_root_and_no_temporary_file_is_left()
    {
        await Files.PutAsync(Key("x/identity-front"), new ForwardOnlyStream(new MemoryStream(Generated(100_000))), "image/jpeg", Ct);

        var written = Directory.GetFiles(_root.FullName, "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)).Order().ToList();
        written.ShouldBe(["identity-front", "identity-front.type"]);
    }
}
