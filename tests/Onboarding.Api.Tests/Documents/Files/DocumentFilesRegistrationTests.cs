using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Onboarding.Data.Documents.Files;

namespace Onboarding.Api.Tests.Documents.Files;

/// <summary><see cref="DocumentFilesServiceCollectionExtensions.AddDocumentFiles"/>: the store the settings choose, or a refusal naming the setting.</summary>
public sealed class DocumentFilesRegistrationTests : IDisposable
{
    private readonly DirectoryInfo _contentRoot = Directory.CreateTempSubdirectory("onboarding-root-");

    public void Dispose() => _contentRoot.Delete(recursive: true);

    [Fact]
    public async Task Without_settings_the_store_is_the_local_folder_under_the_content_root()
    {
        using var services = Provider([]);

        var files = services.GetRequiredService<IDocumentFiles>().ShouldBeOfType<LocalDocumentFiles>();
        await files.PutAsync("drivers/x/identity-front", new MemoryStream([1, 2]), "image/jpeg", TestContext.Current.CancellationToken);
        File.Exists(Path.Combine(_contentRoot.FullName, "data", "documents", "drivers", "x", "identity-front")).ShouldBeTrue();
    }

    [Fact]
    public void Kind_s3_with_its_settings_is_the_s3_store_on_that_bucket()
    {
        using var services = Provider(new()
        {
            ["Documents:Storage:Kind"] = "s3",
            ["Documents:Storage:S3:ServiceUrl"] = "http://127.0.0.1:9",
            ["Documents:Storage:S3:Bucket"] = "onboarding-documents",
            ["Documents:Storage:S3:AccessKey"] = "access",
            ["Documents:Storage:S3:SecretKey"] = "secret-value",
        });

        services.GetRequiredService<IDocumentFiles>().ShouldBeOfType<S3DocumentFiles>().Bucket.ShouldBe("onboarding-documents");
    }

    [Theory]
    [InlineData("Documents:Storage:Kind", "Azure", "Documents:Storage:Kind must be Local or S3")]
    [InlineData("Documents:Storage:S3:Bucket", "", "Documents:Storage:S3:Bucket is required")]
    [InlineData("Documents:Storage:S3:Bucket", "Upper_Case", "Documents:Storage:S3:Bucket must be")]
    [InlineData("Documents:Storage:S3:AccessKey", "", "Documents:Storage:S3:AccessKey is required")]
    [InlineData("Documents:Storage:S3:SecretKey", "", "Documents:Storage:S3:SecretKey is required")]
    [InlineData("Documents:Storage:S3:ServiceUrl", "minio:9000", "Documents:Storage:S3:ServiceUrl must be an absolute http(s) URL")]
    public void A_setting_that_cannot_work_is_refused_by_name_without_printing_the_secret(string setting, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Documents:Storage:Kind"] = "S3",
            ["Documents:Storage:S3:ServiceUrl"] = "http://minio:9000",
            ["Documents:Storage:S3:Bucket"] = "onboarding-documents",
            ["Documents:Storage:S3:AccessKey"] = "onboarding",
            ["Documents:Storage:S3:SecretKey"] = "the-secret-value",
        };
        settings[setting] = value;
        using var services = Provider(settings);

        var failure = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<DocumentFilesOptions>>().Value);
        failure.Message.ShouldContain(message);
        failure.Message.ShouldNotContain("the-secret-value");
    }

    [Fact]
    public void Against_aws_itself_the_keys_may_come_from_the_sdks_own_chain()
    {
        using var services = Provider(new() { ["Documents:Storage:Kind"] = "S3", ["Documents:Storage:S3:Bucket"] = "onboarding-documents", ["Documents:Storage:S3:Region"] = "eu-west-1" });

        services.GetRequiredService<IOptions<DocumentFilesOptions>>().Value.S3.Region.ShouldBe("eu-west-1");
    }

    private ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddDocumentFiles(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _contentRoot.FullName).BuildServiceProvider();
}
