using System.Security.Cryptography;
using System.Text;
using Onboarding.Data.Documents.Files;

namespace Onboarding.Api.Tests.Documents.Files;

/// <summary>What every document store does, run against each one (<see cref="LocalDocumentFilesTests"/>, <see cref="S3DocumentFilesTests"/>).</summary>
public abstract class DocumentFilesContract : IAsyncLifetime
{
    private readonly string _prefix = "drivers/" + Guid.NewGuid().ToString("N");

    protected IDocumentFiles Files { get; set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public abstract ValueTask InitializeAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected string Key(string name) => _prefix + "/" + name;

    [Fact]
    public async Task A_file_put_opens_with_its_bytes_type_and_length()
    {
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 licence front");
        await Files.PutAsync(Key("licence-front"), new MemoryStream(bytes), "application/pdf", Ct);

        await using var file = (await Files.OpenAsync(Key("licence-front"), Ct)).ShouldNotBeNull();
        file.ContentType.ShouldBe("application/pdf");
        file.Length.ShouldBe(bytes.Length);
        (await ReadAllAsync(file.Content)).ShouldBe(bytes);
    }

    [Fact]
    public async Task A_second_put_under_the_same_key_replaces_the_bytes_and_the_type()
    {
        await Files.PutAsync(Key("identity-front"), new MemoryStream([1, 2, 3, 4, 5, 6]), "image/jpeg", Ct);
        await Files.PutAsync(Key("identity-front"), new MemoryStream([9, 8]), "image/png", Ct);

        await using var file = (await Files.OpenAsync(Key("identity-front"), Ct)).ShouldNotBeNull();
        file.ContentType.ShouldBe("image/png");
        file.Length.ShouldBe(2);
        (await ReadAllAsync(file.Content)).ShouldBe(new byte[] { 9, 8 });
    }

    [Fact]
    public async Task A_missing_key_opens_as_null()
    {
        (await Files.OpenAsync(Key("never-stored"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Delete_removes_the_file_and_deleting_again_or_a_missing_key_is_not_an_error()
    {
        await Files.PutAsync(Key("insurance"), new MemoryStream([1]), "image/jpeg", Ct);

        await Files.DeleteAsync(Key("insurance"), Ct);
        (await Files.OpenAsync(Key("insurance"), Ct)).ShouldBeNull();
        await Files.DeleteAsync(Key("insurance"), Ct);
        await Files.DeleteAsync(Key("never-stored"), Ct);
    }

    [Fact]
    public async Task Keys_with_slashes_are_separate_files()
    {
        string[] keys = [Key("a/identity-front"), Key("a/identity-back"), Key("b/identity-front"), Key("a/b/c/d.1")];
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            await Files.PutAsync(key, new MemoryStream([(byte)i]), "image/jpeg", Ct);
        }

        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            await using var file = (await Files.OpenAsync(key, Ct)).ShouldNotBeNull(key);
            (await ReadAllAsync(file.Content)).ShouldBe(new[] { (byte)i }, key);
        }

        await Files.DeleteAsync(keys[0], Ct);
        (await Files.OpenAsync(keys[1], Ct)).ShouldNotBeNull().Content.Dispose();
    }

    [Fact]
    public async Task A_large_file_from_a_stream_that_cannot_seek_goes_in_and_out_whole()
    {
        const int size = 6 * 1024 * 1024 + 123;
        var expected = SHA256.HashData(Generated(size));

        await Files.PutAsync(Key("registration"), new ForwardOnlyStream(new MemoryStream(Generated(size))), "application/pdf", Ct);

        await using var file = (await Files.OpenAsync(Key("registration"), Ct)).ShouldNotBeNull();
        file.Length.ShouldBe(size);
        (await SHA256.HashDataAsync(file.Content, Ct)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/absolute")]
    [InlineData("drivers//double")]
    [InlineData("Upper/Case")]
    [InlineData("drivers/x/")]
    [InlineData("space here")]
    public async Task A_key_outside_the_rule_is_refused(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => Files.PutAsync(key, new MemoryStream([1]), "image/jpeg", Ct));
        await Should.ThrowAsync<ArgumentException>(() => Files.OpenAsync(key, Ct));
        await Should.ThrowAsync<ArgumentException>(() => Files.DeleteAsync(key, Ct));
    }

    protected static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    protected static byte[] Generated(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A request body as it arrives: read once, front to back, length unknown.</summary>
    protected sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 4096));
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer[..Math.Min(buffer.Length, 4096)], cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
