using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Onboarding.Data.Documents.Files;

/// <summary>
/// Document files in one bucket of an S3-compatible store (MinIO, AWS S3, s3rver in the tests; docs/0032). Objects
/// are written without an ACL, so they stay private to the bucket's owner; each carries its content type and the
/// SHA-256 of its bytes (metadata <c>sha256</c>, hex) so a copy can be checked against the database without reading it.
/// </summary>
public sealed class S3DocumentFiles(IAmazonS3 client, string bucket) : IDocumentFiles
{
    /// <summary>The object metadata that holds the hex SHA-256 of the bytes (<c>x-amz-meta-sha256</c>).</summary>
    public const string Sha256Metadata = "sha256";

    public string Bucket => bucket;

    /// <summary>The store's address for error messages: the service URL, or the AWS region.</summary>
    public string Endpoint => client.Config.ServiceURL ?? "AWS " + client.Config.RegionEndpoint?.SystemName;

    /// <summary>
    /// A client for <paramref name="settings"/>: path-style addressing and checksums only where an operation requires
    /// them (the SDK's default trailing CRC checksums are not understood by MinIO's older releases nor by s3rver).
    /// </summary>
    public static AmazonS3Client CreateClient(DocumentFilesOptions.S3Settings settings, HttpClientFactory? httpClientFactory = null)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        if (string.IsNullOrEmpty(settings.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
        }
        else
        {
            config.ServiceURL = settings.ServiceUrl;
            config.AuthenticationRegion = settings.Region;
        }

        // Without keys (AWS only, see the validator) the SDK's own chain applies: instance role, environment, profile.
        return string.IsNullOrEmpty(settings.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        DocumentKeys.Validate(key);
        ArgumentException.ThrowIfNullOrEmpty(contentType);

        // The request needs its length up front: a stream that cannot seek is spooled to a temporary file that is
        // deleted when closed, hashing on the way; a seekable one is hashed and rewound.
        Stream body = content;
        Stream? spool = null;
        try
        {
            string sha256;
            if (content.CanSeek)
            {
                var start = content.Position;
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
                content.Position = start;
            }
            else
            {
                spool = new FileStream(Path.Combine(Path.GetTempPath(), "onboarding-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew,
                    FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                spool.Position = 0;
                body = spool;
            }

            var request = new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = body,
                AutoCloseStream = false,
                ContentType = contentType,
                UseChunkEncoding = false,
            };
            request.Metadata[Sha256Metadata] = sha256;
            await client.PutObjectAsync(request, cancellationToken);
        }
        finally
        {
            if (spool is not null)
            {
                await spool.DisposeAsync();
            }
        }
    }

    public async Task<StoredFile?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        DocumentKeys.Validate(key);
        try
        {
            var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
            return new StoredFile(response.ResponseStream, response.Headers.ContentType ?? "application/octet-stream", response.ContentLength);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        DocumentKeys.Validate(key);
        try
        {
            await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            // S3 answers 204 for a missing key; some compatible stores answer 404. Either way it is gone.
        }
    }

    /// <summary>Creates the bucket when it does not exist (private: no ACL, no policy); true when it was created.</summary>
    public async Task<bool> EnsureBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket }, cancellationToken);
            return false;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
        }

        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket, UseClientRegion = true }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyOwnedByYou")
        {
            // Another replica created it between the two calls.
            return false;
        }
    }
}
