namespace Onboarding.Data.Documents.Files;

/// <summary>Where document files are kept (section <c>Documents:Storage</c>, docs/0032).</summary>
public sealed class DocumentFilesOptions
{
    public const string Section = "Documents:Storage";

    /// <summary><c>Local</c> (a folder on this host, the Sandbox default) or <c>S3</c> (any S3-compatible store).</summary>
    public string Kind { get; set; } = "Local";

    /// <summary>The folder for <c>Local</c>; relative paths are under the content root.</summary>
    public string LocalPath { get; set; } = "data/documents";

    public S3Settings S3 { get; set; } = new();

    public bool IsLocal => string.Equals(Kind, "Local", StringComparison.OrdinalIgnoreCase);

    public bool IsS3 => string.Equals(Kind, "S3", StringComparison.OrdinalIgnoreCase);

    public sealed record S3Settings
    {
        /// <summary>The endpoint, e.g. <c>http://minio:9000</c>; empty means AWS itself in <see cref="Region"/>.</summary>
        public string ServiceUrl { get; set; } = "";
        public string Bucket { get; set; } = "";
        public string Region { get; set; } = "us-east-1";
        public string AccessKey { get; set; } = "";
        public string SecretKey { get; set; } = "";
        /// <summary>Path-style addressing (MinIO, s3rver); AWS itself accepts virtual-hosted style.</summary>
        public bool ForcePathStyle { get; set; } = true;
    }
}
