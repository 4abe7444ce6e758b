using System.Text;

namespace Taiyaku.Formats;

/// <summary>
/// Where a writer's UTF-8 goes, a chunk at a time: the format writers (XmlWriter, Utf8JsonWriter, StreamWriter) write
/// into <see cref="Buffer"/>, which is moved to the destination stream or text writer whenever it holds a chunk, so that
/// memory stays bounded and the asynchronous path does its I/O asynchronously. One code path serves the sync and async
/// methods: with <c>async: false</c> every <see cref="DrainAsync"/> completes synchronously.
/// </summary>
internal sealed class ChunkedOutput
{
    private const int ChunkSize = 1 << 16;

    private readonly Stream? _stream;
    private readonly TextWriter? _text;
    private readonly Decoder? _decoder;
    private readonly bool _async;
    private readonly CancellationToken _ct;
    private char[] _chars = [];

    public ChunkedOutput(Stream stream, bool async, CancellationToken ct)
    {
        if (!stream.CanWrite) throw new ArgumentException("The stream cannot be written.", nameof(stream));
        (_stream, _async, _ct) = (stream, async, ct);
    }

    public ChunkedOutput(TextWriter text, bool async, CancellationToken ct)
    {
        (_text, _async, _ct) = (text, async, ct);
        _decoder = TextFiles.StrictUtf8.GetDecoder();
    }

    /// <summary>The bytes written and not yet moved to the destination.</summary>
    public MemoryStream Buffer { get; } = new();

    /// <summary>The buffer holds a chunk: flush the format writer into it, then <see cref="DrainAsync"/>.</summary>
    public bool Full => Buffer.Length >= ChunkSize;

    public CancellationToken CancellationToken => _ct;

    /// <summary>Moves the buffer to the destination; <paramref name="final"/> also flushes the destination.</summary>
    public async ValueTask DrainAsync(bool final = false)
    {
        _ct.ThrowIfCancellationRequested();
        var bytes = new ReadOnlyMemory<byte>(Buffer.GetBuffer(), 0, (int)Buffer.Length);
        if (_stream != null)
        {
            if (_async) await _stream.WriteAsync(bytes, _ct).ConfigureAwait(false);
            else _stream.Write(bytes.Span);
            if (final)
            {
                if (_async) await _stream.FlushAsync(_ct).ConfigureAwait(false);
                else _stream.Flush();
            }
        }
        else
        {
            // The decoder keeps a sequence cut at the chunk's end for the next chunk.
            int n = _decoder!.GetCharCount(bytes.Span, final);
            if (_chars.Length < n) _chars = new char[Math.Max(n, ChunkSize)];
            n = _decoder.GetChars(bytes.Span, _chars, final);
            if (_async)
            {
                await _text!.WriteAsync(_chars.AsMemory(0, n), _ct).ConfigureAwait(false);
                if (final) await _text.FlushAsync(_ct).ConfigureAwait(false);
            }
            else
            {
                _text!.Write(_chars, 0, n);
                if (final) _text.Flush();
            }
        }
        Buffer.SetLength(0);
    }
}
