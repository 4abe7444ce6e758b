using System.Runtime.CompilerServices;

namespace Taiyaku.Japanese;

/// <summary>The output formats of the <c>mecab</c> command that are reproduced byte for byte.</summary>
public enum MecabOutputFormat
{
    /// <summary>mecab's default: <c>surface\tfeature\n</c> per token, then <c>EOS\n</c>.</summary>
    Default,

    /// <summary><c>-Owakati</c>: each surface followed by one space, then <c>\n</c>.</summary>
    Wakati,
}

/// <summary>
/// Runs the analyser over a stream of lines and writes exactly what the <c>mecab</c> command writes. As mecab does,
/// each input line (split at <c>\n</c> only; a <c>\r</c> stays part of the line) is one sentence, a sentence ends at
/// its first NUL byte, and a last line without <c>\n</c> is analysed too. Bytes are passed through unvalidated.
/// </summary>
public sealed class MecabOutputWriter
{
    private readonly AnalyzerSession _session;
    private readonly MecabOutputFormat _format;
    private byte[] _out = new byte[1 << 16];
    private int _outLength;

    /// <summary>Creates a writer that analyses with <paramref name="session"/>.</summary>
    public MecabOutputWriter(AnalyzerSession session, MecabOutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
        _format = format;
    }

    /// <summary>Analyses every line of <paramref name="input"/> and writes mecab's output to <paramref name="output"/>. Returns the number of lines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Process(Stream input, Stream output, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        byte[] buf = new byte[1 << 16];
        int start = 0, filled = 0;
        long lines = 0;
        bool eof = false;
        while (true)
        {
            int nl = buf.AsSpan(start, filled - start).IndexOf((byte)'\n');
            if (nl < 0 && !eof)
            {
                // Move the partial line to the front and read more, growing the buffer for long lines.
                if (start > 0)
                {
                    Buffer.BlockCopy(buf, start, buf, 0, filled - start);
                    filled -= start;
                    start = 0;
                }
                if (filled == buf.Length) Array.Resize(ref buf, buf.Length * 2);
                int n = input.Read(buf, filled, buf.Length - filled);
                if (n == 0) eof = true; else filled += n;
                continue;
            }
            if (nl < 0)
            {
                // mecab stops at end of input when the unterminated last line is empty (or starts with NUL).
                if (filled - start == 0 || buf[start] == 0) break;
                WriteSentence(buf.AsSpan(start, filled - start), output);
                lines++;
                break;
            }
            WriteSentence(buf.AsSpan(start, nl), output);
            lines++;
            start += nl + 1;
            if ((lines & 255) == 0) cancellation.ThrowIfCancellationRequested();
        }
        Flush(output);
        return lines;
    }

    /// <summary>Analyses one line (without its <c>\n</c>) and appends its output; call <see cref="Flush"/> at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteSentence(ReadOnlySpan<byte> line, Stream output)
    {
        int nul = line.IndexOf((byte)0);
        if (nul >= 0) line = line[..nul];
        var tokens = _session.AnalyzeUtf8(line);
        var s = _session;
        if (_format == MecabOutputFormat.Wakati)
        {
            foreach (ref readonly var t in tokens)
            {
                Append(s.SurfaceUtf8(t), output);
                AppendByte((byte)' ', output);
            }
            AppendByte((byte)'\n', output);
        }
        else
        {
            foreach (ref readonly var t in tokens)
            {
                Append(s.SurfaceUtf8(t), output);
                AppendByte((byte)'\t', output);
                Append(s.FeatureUtf8(t), output);
                AppendByte((byte)'\n', output);
            }
            Append("EOS\n"u8, output);
        }
    }

    /// <summary>Writes buffered output to <paramref name="output"/>.</summary>
    public void Flush(Stream output)
    {
        if (_outLength > 0) output.Write(_out, 0, _outLength);
        _outLength = 0;
        output.Flush();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(ReadOnlySpan<byte> bytes, Stream output)
    {
        if (_outLength + bytes.Length > _out.Length)
        {
            if (_outLength > 0) { output.Write(_out, 0, _outLength); _outLength = 0; }
            if (bytes.Length > _out.Length) { output.Write(bytes); return; }
        }
        bytes.CopyTo(_out.AsSpan(_outLength));
        _outLength += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendByte(byte b, Stream output)
    {
        if (_outLength == _out.Length) { output.Write(_out, 0, _outLength); _outLength = 0; }
        _out[_outLength++] = b;
    }
}
