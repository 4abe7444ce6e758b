using System.Buffers.Binary;

namespace Taiyaku.Japanese.Dictionary;

/// <summary>matrix.def: "LSIZE RSIZE" then "LEFT RIGHT COST" lines, compiled to matrix.bin.</summary>
internal static class MatrixDefinition
{
    /// <summary>Reads the sizes from the first line of matrix.def.</summary>
    public static (int Left, int Right) ReadSize(SourceText text)
    {
        foreach (var line in text.Lines())
        {
            return ParseSize(text, line);
        }

        throw new DictionaryCompileException(text.Path, 1, "format error: empty matrix file");
    }

    private static (int Left, int Right) ParseSize(SourceText text, SourceLine line)
    {
        Span<Range> cols = stackalloc Range[2];
        var span = text.Span(line);
        if (Tokenizer.SplitBlank(span, cols) != 2
            || !Tokenizer.TryParseInt(span[cols[0]], out var l) || !Tokenizer.TryParseInt(span[cols[1]], out var r))
            throw text.Error(line, "format error: expected 'LEFT_SIZE RIGHT_SIZE'");
        if (l is < 1 or > ushort.MaxValue || r is < 1 or > ushort.MaxValue)
            throw text.Error(line, "matrix size out of range");
        return (l, r);
    }

    /// <summary>matrix.bin: two ushort sizes, then short costs indexed [left + lsize * right].</summary>
    public static byte[] Compile(SourceText text, CancellationToken ct) => CompileCounting(text, ct).Bytes;

    /// <summary>matrix.bin (see <see cref="Compile"/>), the lines of matrix.def and the costs they set.</summary>
    public static (byte[] Bytes, int Lines, int Costs) CompileCounting(SourceText text, CancellationToken ct)
    {
        var costCount = 0;
        var (lsize, rsize) = ReadSize(text);
        var output = new byte[4 + (2 * lsize * rsize)];
        BinaryPrimitives.WriteUInt16LittleEndian(output, (ushort)lsize);
        BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(2), (ushort)rsize);
        var costs = output.AsSpan(4);
        var data = text.Bytes;
        var number = 1;
        var pos = Array.IndexOf(data, (byte)'\n');
        pos = pos < 0 ? data.Length : pos + 1;

        // A hand-rolled scanner: matrix.def of IPADIC has 1.7 million lines.
        while (pos < data.Length)
        {
            number++;
            if ((number & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            var end = Array.IndexOf(data, (byte)'\n', pos);
            if (end < 0) end = data.Length;
            var line = data.AsSpan(pos, end - pos);
            pos = end + 1;
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
            var i = 0;
            if (!Next(line, ref i, out var l) || !Next(line, ref i, out var r) || !Next(line, ref i, out var c))
            {
                if (IsBlank(line)) continue;
                throw new DictionaryCompileException(text.Path, number, "format error: expected 'LEFT RIGHT COST' (integers)");
            }

            if (l < 0 || l >= lsize || r < 0 || r >= rsize)
                throw new DictionaryCompileException(text.Path, number, $"index out of range: {l} {r} (matrix is {lsize} x {rsize})");
            if (c is < short.MinValue or > short.MaxValue)
                throw new DictionaryCompileException(text.Path, number, $"cost {c} does not fit in 16 bits");
            BinaryPrimitives.WriteInt16LittleEndian(costs[(2 * (l + (lsize * r)))..], (short)c);
            costCount++;
        }

        return (output, number, costCount);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim((byte)' ').Trim((byte)'\t').IsEmpty;

    private static bool Next(ReadOnlySpan<byte> line, ref int i, out int value)
    {
        value = 0;
        while (i < line.Length && (line[i] == (byte)' ' || line[i] == (byte)'\t')) i++;
        var start = i;
        while (i < line.Length && line[i] != (byte)' ' && line[i] != (byte)'\t') i++;
        return i > start && Tokenizer.TryParseInt(line[start..i], out value);
    }
}
