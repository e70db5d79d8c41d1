namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>
/// A write-only, forward-only buffer between the (synchronous) zip and XML writers and the real destination, which the
/// writer empties asynchronously every few rows. Kestrel forbids synchronous writes to a response body, and the zip
/// writer knows only synchronous ones; the spool lets a 100,000-row export flow to the client in small chunks without
/// a temporary file or the whole file in memory. Not seekable, so the zip writer streams entries (data descriptors).
/// </summary>
internal sealed class SpoolStream(Stream destination) : Stream
{
    /// <summary>How much compressed output to gather before sending it on.</summary>
    public const int DrainThreshold = 64 * 1024;

    private readonly MemoryStream pending = new();
    private long written;

    public bool ShouldDrain => pending.Length >= DrainThreshold;

    public async ValueTask DrainAsync(CancellationToken ct)
    {
        if (pending.Length == 0)
            return;
        await destination.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), ct);
        pending.SetLength(0);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> source)
    {
        pending.Write(source);
        written += source.Length;
    }

    public override void WriteByte(byte value)
    {
        pending.WriteByte(value);
        written++;
    }

    // Flushing the zip or XML writer must not touch the destination synchronously; DrainAsync does that.
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
