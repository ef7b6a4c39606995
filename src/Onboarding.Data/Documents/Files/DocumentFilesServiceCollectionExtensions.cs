using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Onboarding.Data.Documents.Files;

public static class DocumentFilesServiceCollectionExtensions
{
    /// <summary>
    /// The one registration of <see cref="IDocumentFiles"/>: the local folder or the S3-compatible store, chosen by
    /// <c>Documents:Storage:Kind</c> and checked at boot; for S3 the bucket is created at boot when missing.
    /// </summary>
    public static IServiceCollection AddDocumentFiles(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DocumentFilesOptions>().Bind(configuration.GetSection(DocumentFilesOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentFilesOptions>, DocumentFilesOptionsValidator>();
        services.AddSingleton<IDocumentFiles>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DocumentFilesOptions>>().Value;
            return options.IsS3
                ? new S3DocumentFiles(S3DocumentFiles.CreateClient(options.S3), options.S3.Bucket)
                : new LocalDocumentFiles(Path.GetFullPath(options.LocalPath, contentRoot));
        });
        services.AddHostedService<DocumentBucketSetup>();
        return services;
    }
}
