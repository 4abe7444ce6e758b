namespace Taiyaku.Cli;

/// <summary>
/// A write-only stream over an output (a file, a device, stdout) that turns the output's I/O errors into an
/// <see cref="InputException"/> naming it with the system's reason (exit 1), e.g.
/// <c>out.tsv: cannot write: No space left on device</c>, so that they are not mistaken for errors of the inputs.
/// </summary>
internal sealed class OutputStream(Stream inner, string name, bool leaveOpen = false) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try { inner.Write(buffer); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Failure(name, e); }
    }

    public override void WriteByte(byte value) => Guard(() => inner.WriteByte(value));

    public override void Flush() => Guard(inner.Flush);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) Guard(inner.Dispose);
        base.Dispose(disposing);
    }

    private void Guard(Action action)
    {
        try { action(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Failure(name, e); }
    }

    /// <summary>An input/output error on <paramref name="path"/>: one line, the path and the system's reason.</summary>
    public static InputException Failure(string path, Exception e) => InputException.In(path, $"cannot write: {Reason(e)}");

    /// <summary>The system's reason for an I/O error (strerror of its errno where .NET kept it), without the path.</summary>
    public static string Reason(Exception e)
    {
        if (e is UnauthorizedAccessException) return "Permission denied";
        // On Unix .NET keeps the errno as the HResult of a plain IOException.
        if (e.GetType() == typeof(IOException) && e.HResult is > 0 and < 4096)
            return System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(e.HResult);
        string m = e.Message;
        int cut = m.IndexOf(" : '", StringComparison.Ordinal);
        return (cut > 0 ? m[..cut] : m).TrimEnd('.', ' ');
    }
}
