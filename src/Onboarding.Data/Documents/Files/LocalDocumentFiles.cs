using System.Text;

namespace Onboarding.Data.Documents.Files;

/// <summary>
/// Document files in a local folder: one file per key plus a sidecar holding its content type. Writes go to a
/// temporary name and are moved into place, so a reader never sees half a file.
/// </summary>
public sealed class LocalDocumentFiles(string root) : IDocumentFiles
{
    private const string TypeSuffix = ".type";

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = File.Create(temporary))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            await File.WriteAllTextAsync(path + TypeSuffix, contentType, Encoding.UTF8, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<StoredFile?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        var type = File.Exists(path + TypeSuffix)
            ? await File.ReadAllTextAsync(path + TypeSuffix, cancellationToken)
            : "application/octet-stream";
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        return new StoredFile(stream, type, stream.Length);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        File.Delete(path);
        File.Delete(path + TypeSuffix);
        return Task.CompletedTask;
    }

    /// <summary>Keys follow <see cref="DocumentKeys"/>: nothing a key holds can leave the root.</summary>
    private string PathOf(string key)
    {
        DocumentKeys.Validate(key);
        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
