using Microsoft.Extensions.Options;

namespace Onboarding.Data.Documents.Files;

/// <summary>Refuses a storage configuration that cannot work, naming the setting (never printing a key's value).</summary>
public sealed class DocumentFilesOptionsValidator : IValidateOptions<DocumentFilesOptions>
{
    private const string S3 = DocumentFilesOptions.Section + ":S3:";

    public ValidateOptionsResult Validate(string? name, DocumentFilesOptions options)
    {
        var failures = new List<string>();
        if (options.IsLocal)
        {
            if (string.IsNullOrWhiteSpace(options.LocalPath))
            {
                failures.Add($"{DocumentFilesOptions.Section}:LocalPath is required when {DocumentFilesOptions.Section}:Kind is Local.");
            }
        }
        else if (options.IsS3)
        {
            var s3 = options.S3;
            if (string.IsNullOrWhiteSpace(s3.Bucket))
            {
                failures.Add($"{S3}Bucket is required when {DocumentFilesOptions.Section}:Kind is S3.");
            }
            else if (!IsBucketName(s3.Bucket))
            {
                failures.Add($"{S3}Bucket must be 3 to 63 lower-case letters, digits, '-' or '.', starting and ending with a letter or digit.");
            }

            if (s3.ServiceUrl.Length > 0 && !(Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            {
                failures.Add($"{S3}ServiceUrl must be an absolute http(s) URL, e.g. http://minio:9000.");
            }

            // Against AWS itself the SDK may find credentials on its own (instance role); another store needs both keys.
            if (s3.ServiceUrl.Length > 0 || s3.AccessKey.Length > 0 || s3.SecretKey.Length > 0)
            {
                if (string.IsNullOrWhiteSpace(s3.AccessKey))
                {
                    failures.Add($"{S3}AccessKey is required with {S3}ServiceUrl or {S3}SecretKey.");
                }

                if (string.IsNullOrWhiteSpace(s3.SecretKey))
                {
                    failures.Add($"{S3}SecretKey is required with {S3}ServiceUrl or {S3}AccessKey.");
                }
            }

            if (string.IsNullOrWhiteSpace(s3.Region))
            {
                failures.Add($"{S3}Region is required (us-east-1 for MinIO unless its MINIO_REGION says otherwise).");
            }
        }
        else
        {
            failures.Add($"{DocumentFilesOptions.Section}:Kind must be Local or S3, not \"{options.Kind}\".");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsBucketName(string bucket) =>
        bucket.Length is >= 3 and <= 63 && char.IsAsciiLetterOrDigit(bucket[0]) && char.IsAsciiLetterOrDigit(bucket[^1])
        && bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');
}
