namespace Onboarding.Api.Http;

/// <summary>Reads a request body into memory up to a limit, for routes that must see the exact bytes.</summary>
public static class BoundedBody
{
    /// <summary>
    /// The body, or null as soon as it grows past <paramref name="maxBytes"/> (the rest is not read) or past the
    /// server's own request size limit.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's limit: a declared length over it, or a chunked body it has already read past it.
            return null;
        }

        return buffer.ToArray();
    }
}
