using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Onboarding.Api.Tests.Infrastructure;

/// <summary>
/// A request body that enforces Kestrel's request size limit, which the in-memory test server does not: a route may
/// raise the limit (<see cref="IHttpMaxRequestBodySizeFeature"/>) until it starts reading; then a declared length over
/// the limit, or more bytes than the limit, fail the read with Kestrel's <see cref="BadHttpRequestException"/> (413).
/// Kestrel pumps a chunked body into its buffer ahead of the app's reads and counts what it pumped, so with a fast
/// client a chunked body over the limit fails on the first read, however little the app meant to read: modelled so.
/// </summary>
public sealed class KestrelBodyLimit : Stream, IHttpMaxRequestBodySizeFeature
{
    private readonly MemoryStream _body;
    private readonly long? _declaredLength;
    private long? _limit;
    private long _read;

    private KestrelBodyLimit(byte[] body, long? declaredLength, long? limit)
    {
        _body = new MemoryStream(body, writable: false);
        _declaredLength = declaredLength;
        _limit = limit;
    }

    /// <summary>Gives <paramref name="context"/> this body, with Kestrel's limit (the host's configured one by default).</summary>
    public static void Install(HttpContext context, byte[] body, long? limit, bool chunked = false)
    {
        var stream = new KestrelBodyLimit(body, chunked ? null : body.Length, limit);
        context.Request.Body = stream;
        context.Request.ContentLength = chunked ? null : body.Length;
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(stream);
    }

    public bool IsReadOnly { get; private set; }

    public long? MaxRequestBodySize
    {
        get => _limit;
        set
        {
            if (IsReadOnly)
            {
                throw new InvalidOperationException("The maximum request body size cannot be modified after the app has already started reading the request body.");
            }

            _limit = value;
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    /// <summary>Alba rewinds the body before sending; nothing else may move it.</summary>
    public override long Position
    {
        get => _body.Position;
        set => _body.Position = IsReadOnly ? throw new NotSupportedException() : value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!IsReadOnly)
        {
            IsReadOnly = true;
            var observed = _declaredLength ?? _body.Length;
            if (observed > _limit)
            {
                throw TooLarge();
            }
        }

        var read = _body.Read(buffer);
        _read += read;
        return _read > _limit ? throw TooLarge() : read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
        }

        base.Dispose(disposing);
    }

    private BadHttpRequestException TooLarge() =>
        new($"Request body too large. The max request body size is {_limit} bytes.", StatusCodes.Status413PayloadTooLarge);
}
