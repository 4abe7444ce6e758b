using System.Collections;
using System.Text;
using System.Text.Unicode;

namespace Taiyaku.Cli;

/// <summary>
/// The lines of a valid UTF-8 file, held as its bytes and where each line starts; a line's string is made when it is
/// read. A million lines as strings take about twice their UTF-8 size again (UTF-16 and an object each), and most are
/// read once (measured, 1M × 1M lines: 1.0 GB peak after reading, against the files' 188 MB). Lines end at '\n', less
/// one '\r' before it; a leading byte-order mark is skipped; text after the last '\n' is a line (as
/// <see cref="Taiyaku.Formats.TextFiles.SplitLines(string)"/> splits a decoded text).
/// </summary>
internal sealed class Utf8Lines : IReadOnlyList<string>
{
    private readonly byte[] _bytes;
    private readonly int[] _starts;   // line k is _bytes[_starts[k] .. _starts[k + 1]), its line break included

    private Utf8Lines(byte[] bytes, int[] starts)
    {
        _bytes = bytes;
        _starts = starts;
    }

    /// <summary>The lines of <paramref name="bytes"/>, or null when they are not valid UTF-8 (decode them another way).</summary>
    public static Utf8Lines? TryCreate(byte[] bytes)
    {
        if (!Utf8.IsValid(bytes)) return null;
        int bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        int count = bytes.AsSpan(bom).Count((byte)'\n');
        if (bytes.Length > bom && bytes[^1] != (byte)'\n') count++;
        var starts = new int[count + 1];
        starts[0] = bom;
        int k = 1;
        for (int at = bom; k < count;)
        {
            at += bytes.AsSpan(at).IndexOf((byte)'\n') + 1;
            starts[k++] = at;
        }
        starts[count] = bytes.Length;
        return new Utf8Lines(bytes, starts);
    }

    public int Count => _starts.Length - 1;

    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            int start = _starts[index], end = _starts[index + 1];
            if (end > start && _bytes[end - 1] == (byte)'\n') end--;
            if (end > start && _bytes[end - 1] == (byte)'\r') end--;
            return Encoding.UTF8.GetString(_bytes, start, end - start);
        }
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
