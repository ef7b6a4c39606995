using Amazon.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Onboarding.Data.Documents.Files;

/// <summary>
/// At boot, creates the S3 bucket when it is missing, so a fresh deployment needs no manual step; a store that cannot
/// be reached or refuses stops the boot with the endpoint, the bucket and the store's error code (never a key).
/// </summary>
public sealed partial class DocumentBucketSetup(IDocumentFiles files, ILogger<DocumentBucketSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (files is not S3DocumentFiles s3)
        {
            return;
        }

        try
        {
            if (await s3.EnsureBucketAsync(cancellationToken))
            {
                LogCreated(logger, s3.Bucket);
            }
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            var reason = e is AmazonServiceException service ? $"{(int)service.StatusCode} {service.ErrorCode}" : e.GetBaseException().Message;
            throw new InvalidOperationException(
                $"Documents:Storage: the S3 bucket \"{s3.Bucket}\" at {s3.Endpoint} could not be checked or created ({reason}). "
                + "Check Documents:Storage:S3:ServiceUrl, the access key's rights and that the store is running.", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the documents bucket {Bucket}")]
    private static partial void LogCreated(ILogger logger, string bucket);
}
