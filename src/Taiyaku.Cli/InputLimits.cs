using System.Globalization;

namespace Taiyaku.Cli;

/// <summary>
/// How much of an input the tool reads before giving up with an input error: a longest line and a largest file, so
/// that endless or binary input (<c>--src /dev/zero</c>) is an error naming the file, never an out-of-memory crash.
/// Options <c>--max-line-length</c> and <c>--max-input-size</c> (bytes; K, M and G suffixes).
/// </summary>
internal sealed record InputLimits(long MaxInputBytes, long MaxLineBytes)
{
    /// <summary>Default largest input file: 128 MiB (about a million sentences).</summary>
    public const long DefaultMaxInputBytes = 128L << 20;

    /// <summary>Default longest line: 16 MiB.</summary>
    public const long DefaultMaxLineBytes = 16L << 20;

    public static InputLimits Default { get; } = new(DefaultMaxInputBytes, DefaultMaxLineBytes);

    /// <summary>Adds the two options to <paramref name="command"/>.</summary>
    public static void AddOptions(System.CommandLine.Command command, string? sizeNote = null, string? lineNote = null)
    {
        command.Options.Add(Opt.Text("max-input-size", "N",
            "largest input file read, in bytes (K, M, G suffixes): a larger one is an input error" + sizeNote, defaultValue: "128M"));
        command.Options.Add(Opt.Text("max-line-length", "N",
            "longest line read, in bytes (K, M, G suffixes): a longer one is an input error" + lineNote, defaultValue: "16M"));
    }

    /// <summary>Reads the two options; a malformed or non-positive size is a usage error.</summary>
    public static InputLimits FromCommandLine(CommandLine cl) =>
        new(Size(cl, "max-input-size", DefaultMaxInputBytes), Size(cl, "max-line-length", DefaultMaxLineBytes));

    /// <summary>A size option's value in bytes (K, M, G suffixes), <paramref name="fallback"/> when not given; a malformed or non-positive size is a usage error.</summary>
    internal static long Size(CommandLine cl, string name, long fallback)
    {
        string? v = cl.Value(name);
        if (v == null) return fallback;
        int shift = v.Length == 0 ? 0 : char.ToUpperInvariant(v[^1]) switch { 'K' => 10, 'M' => 20, 'G' => 30, _ => 0 };
        string digits = shift > 0 ? v[..^1] : v;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n < 1 || n > (long.MaxValue >> 31))
            throw new UsageException($"--{name} must be a positive number of bytes, e.g. 1000000, 64K, 16M or 2G (got '{v}')");
        return n << shift;
    }

    /// <summary>Bytes in a readable form, e.g. <c>16 MiB</c> or <c>1000 bytes</c>.</summary>
    public static string Describe(long bytes) =>
        bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB" : bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB" : bytes % (1L << 10) == 0 ? $"{bytes >> 10} KiB" : $"{bytes} bytes";

    /// <summary>Bytes roughly, for a projection: to one decimal of GiB, or whole MiB or KiB below that.</summary>
    public static string Approximately(long bytes) =>
        bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):F1} GiB" : bytes >= 1L << 20 ? $"{bytes >> 20} MiB" : $"{Math.Max(1, bytes >> 10)} KiB";

    /// <summary>An input error: the file is larger than allowed.</summary>
    public InputException TooLarge(string name) =>
        InputException.In(name, $"larger than {Describe(MaxInputBytes)} (--max-input-size): not read");

    /// <summary>An input error: a line is longer than allowed.</summary>
    public InputException TooLong(string name, long line) =>
        InputException.At(name, (int)Math.Min(line, int.MaxValue), $"a line longer than {Describe(MaxLineBytes)} (--max-line-length): is this a text file? Raise the limit if it is");

    /// <summary>The whole of <paramref name="input"/>, within the limits.</summary>
    public byte[] ReadAll(Stream input, string name, CancellationToken ct)
    {
        using var limited = new LimitedStream(input, name, this, limitTotal: true);
        try
        {
            using var all = new MemoryStream();
            // A file of known length is read into an array of that length: a growing buffer and its final copy would
            // take three times the file's size at the peak.
            if (input.CanSeek && input.Length - input.Position is var expected and < int.MaxValue)
            {
                var buffer = new byte[expected];
                int filled = 0, n;
                while (filled < buffer.Length && (n = limited.Read(buffer, filled, Math.Min(buffer.Length - filled, 1 << 20))) > 0)
                {
                    filled += n;
                    ct.ThrowIfCancellationRequested();
                }
                if (filled < buffer.Length) return buffer[..filled];
                int next = limited.ReadByte();
                if (next < 0) return buffer;
                // The file grew while it was read: the rest as a stream.
                all.Write(buffer);
                all.WriteByte((byte)next);
            }
            limited.CopyToAsync(all, ct).GetAwaiter().GetResult();
            return all.ToArray();
        }
        catch (IOException e) { throw InputException.In(name, e.Message); }
    }
}

/// <summary>A read-only stream that throws an <see cref="InputException"/> as soon as a line, or the whole, is too long.</summary>
internal sealed class LimitedStream(Stream inner, string name, InputLimits limits, bool limitTotal) : ForwardReadStream
{
    private long _total, _lineLength, _line = 1;

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        Check(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Check(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Check(ReadOnlySpan<byte> bytes)
    {
        _total += bytes.Length;
        if (limitTotal && _total > limits.MaxInputBytes) throw limits.TooLarge(name);
        while (true)
        {
            int nl = bytes.IndexOf((byte)'\n');
            if (nl < 0)
            {
                _lineLength += bytes.Length;
                if (_lineLength > limits.MaxLineBytes) throw limits.TooLong(name, _line);
                return;
            }
            if (_lineLength + nl > limits.MaxLineBytes) throw limits.TooLong(name, _line);
            _lineLength = 0;
            _line++;
            bytes = bytes[(nl + 1)..];
        }
    }

    protected override void Dispose(bool disposing)
    {
        // The inner stream belongs to the caller.
        base.Dispose(disposing);
    }
}
