using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Onboarding.Data.Documents.Files;

/// <summary>Builds the one <see cref="IDocumentFiles"/> of the host from <c>Documents:Storage:Kind</c> (docs/0032).</summary>
public static class DocumentFilesFactory
{
    /// <summary>The kinds <see cref="Create"/> builds, checked at boot.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["Local"];

    public static bool IsKnown(string? kind) => Kinds.Contains(kind ?? "", StringComparer.OrdinalIgnoreCase);

    public const string UnknownKind = $"{DocumentFilesOptions.Section}:Kind is not a document store; use Local or S3.";

    public static IDocumentFiles Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DocumentFilesOptions>>().Value;
        return options.Kind.ToUpperInvariant() switch
        {
            "LOCAL" => new LocalDocumentFiles(Path.GetFullPath(options.LocalPath, services.GetRequiredService<IHostEnvironment>().ContentRootPath)),
            // "S3" => the S3-compatible store (docs/0032).
            _ => throw new InvalidOperationException(UnknownKind),
        };
    }
}
