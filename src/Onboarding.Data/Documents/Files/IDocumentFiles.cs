namespace Onboarding.Data.Documents.Files;

/// <summary>
/// Where drivers' document files live (docs/0032): the local data folder by default, an S3-compatible object store in
/// production. Keys are opaque, chosen by the caller (never a driver's name or phone); nothing here is publicly
/// readable, staff reach files only through the console's authenticated routes.
/// </summary>
public interface IDocumentFiles
{
    /// <summary>Stores the bytes under the key, replacing what was there (a retry writes the same bytes again).</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The file, or null when the key holds nothing. The caller disposes the stream.</summary>
    Task<StoredFile?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; removing a missing key is not an error (erasure may run twice).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>An open stored file: its bytes, the content type it was stored with and its length in bytes.</summary>
public sealed record StoredFile(Stream Content, string ContentType, long Length) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
