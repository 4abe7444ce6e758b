using System.CommandLine;
using Taiyaku.Formats;
using Taiyaku.Text;

namespace Taiyaku.Cli;

/// <summary>
/// How a command decodes its input files: <c>--encoding NAME</c> (default auto) and <c>--replace-invalid</c>.
/// Every command that reads text takes the same two options: add <see cref="ValueOptions"/> and <see cref="Flags"/>
/// to its parser, <see cref="HelpLines"/> to its help, and build one with <see cref="FromCommandLine"/>.
/// </summary>
/// <param name="Options">The encoding and whether undecodable bytes are replaced.</param>
/// <param name="Warnings">Where a replacement warning goes (the command's stderr), or null for none.</param>
internal sealed record InputDecoding(TextDecodingOptions Options, TextWriter? Warnings)
{
    /// <summary>The longest line and largest file read (<c>--max-line-length</c>, <c>--max-input-size</c>).</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;

    /// <summary>Encoding detected, undecodable bytes an error, no warnings.</summary>
    public static InputDecoding Default { get; } = new(TextDecodingOptions.Default, null);

    /// <summary>Adds --encoding, --replace-invalid and the input limits to <paramref name="command"/>.</summary>
    public static void AddOptions(System.CommandLine.Command command, string? replaceNote = null)
    {
        var encoding = Opt.Text("encoding", "NAME",
            $"encoding of every input file: auto, {string.Join(", ", TextDecoding.Names.Where(n => n != "auto"))}. auto: a byte-order mark decides; " +
            "else valid (or at least 90% well-formed) UTF-8; else whichever of CP932 and EUC-JP decodes into mostly everyday " +
            "Japanese (kana, JIS symbols, level-1 kanji); else UTF-8", defaultValue: "auto");
        encoding.CompletionSources.Add(TextDecoding.Names.ToArray());
        command.Options.Add(encoding);
        command.Options.Add(Opt.Flag("replace-invalid",
            "replace undecodable bytes with U+FFFD (a warning gives the count) instead of stopping with an error naming the " +
            "file, line and byte offset" + replaceNote));
        InputLimits.AddOptions(command);
    }

    /// <summary>Reads <c>--encoding</c> and <c>--replace-invalid</c>; an unknown encoding name is a usage error.</summary>
    public static InputDecoding FromCommandLine(CommandLine cl, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(cl);
        var encoding = ParseEncoding(cl.Value("encoding"));
        return new InputDecoding(new TextDecodingOptions { Encoding = encoding, ReplaceInvalid = cl.Has("replace-invalid") }, warnings)
        {
            Limits = InputLimits.FromCommandLine(cl),
        };
    }

    /// <summary>An encoding name of <see cref="TextDecoding.Names"/> (null: auto); anything else is a usage error.</summary>
    public static TextEncoding ParseEncoding(string? name, string option = "encoding")
    {
        if (name is null or "auto") return TextEncoding.Auto;
        if (TextDecoding.TryParseName(name, out var encoding)) return encoding;
        throw new UsageException($"--{option} must be one of {string.Join(", ", TextDecoding.Names)} (got '{name}')");
    }

    /// <summary>Decodes a file's bytes, turning an undecodable byte into an <see cref="InputException"/> and warning about replacements.</summary>
    public string Decode(ReadOnlySpan<byte> bytes, string name)
    {
        DecodedText decoded;
        try { decoded = TextDecoding.Decode(bytes, name, Options); }
        catch (TextDataException e)
        {
            string hint = Options.Encoding == TextEncoding.Auto
                ? "; name the encoding with --encoding, or use --replace-invalid to replace undecodable bytes with U+FFFD"
                : "; use --replace-invalid to replace undecodable bytes with U+FFFD";
            throw new InputException(e.Message + hint);
        }
        if (decoded.ReplacedSequences > 0)
            Warnings?.WriteLine($"taiyaku: warning: {name}: {decoded.ReplacedSequences} undecodable byte sequence{(decoded.ReplacedSequences == 1 ? "" : "s")} replaced with U+FFFD (read as {TextDecoding.DisplayName(decoded.Encoding)})");
        return decoded.Text;
    }
}

/// <summary>Reads the user's files and turns every problem into an <see cref="InputException"/> naming the file.</summary>
internal static class InputFiles
{
    /// <summary>
    /// One sentence per line (line i is sentence i, kept as it is); the encoding as <paramref name="decoding"/> says
    /// (default: detected, strict). A file with no line, or only blank lines, is an error: there is nothing to align.
    /// </summary>
    public static IReadOnlyList<string> ReadSentences(string path, CancellationToken ct, InputDecoding? decoding = null)
    {
        decoding ??= InputDecoding.Default;
        byte[] bytes = ReadBytes(path, ct, decoding.Limits);
        // Valid UTF-8 read as UTF-8 is kept as bytes (what detection or --encoding utf-8 would decode it as, exactly).
        IReadOnlyList<string>? lines = decoding.Options.Encoding is TextEncoding.Auto or TextEncoding.Utf8 ? Utf8Lines.TryCreate(bytes) : null;
        lines ??= TextFiles.SplitLines(decoding.Decode(bytes, path));
        if (lines.Count == 0) throw InputException.In(path, "the file is empty: there is no sentence to align");
        if (lines.All(string.IsNullOrWhiteSpace))
            throw InputException.In(path, $"the file holds only blank lines ({lines.Count}): there is no sentence to align");
        return lines;
    }

    /// <summary>A whole raw document; the encoding as <paramref name="decoding"/> says (default: detected, strict).</summary>
    public static string ReadDocument(string path, CancellationToken ct, InputDecoding? decoding = null) =>
        (decoding ?? InputDecoding.Default).Decode(ReadBytes(path, ct, (decoding ?? InputDecoding.Default).Limits), path);

    /// <summary>Bytes looked at to detect the encoding of a stream (see <see cref="OpenUtf8"/>).</summary>
    public const int SniffLength = 1 << 16;

    /// <summary>
    /// A stream of UTF-8 lines for mecab-style reading. UTF-8 input (given, or detected from the first
    /// <see cref="SniffLength"/> bytes, or fewer: up to the end of the first line with a non-ASCII byte) is passed through byte for byte, unvalidated, as mecab reads it, so that a
    /// stream of any length is never held whole; other encodings, and UTF-8 with <c>--replace-invalid</c>, are read
    /// whole, decoded (errors as <see cref="ReadDocument"/> reports them) and re-encoded as UTF-8.
    /// </summary>
    public static Stream OpenUtf8(Stream input, string name, InputDecoding decoding, CancellationToken ct)
    {
        var options = decoding.Options;
        input = new LimitedStream(input, name, decoding.Limits, limitTotal: false);   // a stream may be endless, its lines not
        if (options.Encoding == TextEncoding.Utf8 && !options.ReplaceInvalid) return input;
        byte[] head = new byte[SniffLength];
        int filled = 0, n = 1;
        try
        {
            // Up to SniffLength bytes, but no longer than to the end of the first line holding a non-ASCII byte, so that
            // a pipe fed line by line (mecab-style interactive use) is not held up.
            while (filled < head.Length && (n = input.Read(head, filled, head.Length - filled)) > 0)
            {
                filled += n;
                int firstNonAscii = head.AsSpan(0, filled).IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                if (firstNonAscii >= 0 && head.AsSpan(firstNonAscii, filled - firstNonAscii).Contains((byte)'\n')) break;
            }
        }
        catch (IOException e) { throw InputException.In(name, e.Message); }
        bool whole = n == 0;
        if (options.Encoding == TextEncoding.Auto && !options.ReplaceInvalid)
        {
            var sample = head.AsSpan(0, filled);
            // Detect on whole lines so that a character cut at the end of the sample does not count as damage.
            int lastLine = sample.LastIndexOf((byte)'\n');
            if (!whole && lastLine > 0) sample = sample[..(lastLine + 1)];
            if (TextDecoding.Detect(sample) == TextEncoding.Utf8)
                return new PrefixedStream(head, filled, input);
        }
        var all = new MemoryStream();
        all.Write(head, 0, filled);
        try { input.CopyToAsync(all, ct).GetAwaiter().GetResult(); }
        catch (IOException e) { throw InputException.In(name, e.Message); }
        if (all.Length > decoding.Limits.MaxInputBytes) throw decoding.Limits.TooLarge(name);
        string text = decoding.Decode(all.GetBuffer().AsSpan(0, (int)all.Length), name);
        return new MemoryStream(TextFiles.StrictUtf8.GetBytes(text), writable: false);
    }

    /// <summary>Bytes already read from a stream, then the rest of it.</summary>
    private sealed class PrefixedStream(byte[] head, int headLength, Stream rest) : ForwardReadStream
    {
        private int _position;

        public override int Read(Span<byte> buffer)
        {
            if (_position < headLength)
            {
                int n = Math.Min(buffer.Length, headLength - _position);
                head.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }
            return rest.Read(buffer);
        }
    }

    /// <summary>The links of a vecalign file with the line each is on (1-based); blank lines are skipped.</summary>
    public static IReadOnlyList<(IndexLink Link, int Line)> ReadLinksWithLines(string path)
    {
        string text;
        try { text = TextFiles.StrictUtf8.GetString(ReadBytes(path, CancellationToken.None)); }
        catch (System.Text.DecoderFallbackException) { throw InputException.In(path, "the file is not valid UTF-8"); }
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var links = new List<(IndexLink, int)>();
        var lines = TextFiles.SplitLines(text);
        for (int k = 0; k < lines.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(lines[k])) continue;
            if (!VecalignLinks.TryParseLine(lines[k], out var link, out var error)) throw InputException.At(path, k + 1, error);
            links.Add((link!, k + 1));
        }
        return links;
    }

    public static IReadOnlyList<IndexLink> ReadLinks(string path) => ReadLinksWithLines(path).Select(l => l.Link).ToList();

    /// <summary>A whole file, within <paramref name="limits"/> (default <see cref="InputLimits.Default"/>): a device or
    /// FIFO is read as a stream, so <c>/dev/zero</c> fails at the line limit instead of filling the memory.</summary>
    public static byte[] ReadBytes(string path, CancellationToken ct, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        if (!File.Exists(path)) throw InputException.In(path, Directory.Exists(path) ? "is a folder, not a file" : "no such file");
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (fs.CanSeek && fs.Length > limits.MaxInputBytes) throw limits.TooLarge(path);
            return limits.ReadAll(fs, path, ct);
        }
        catch (IOException e) { throw InputException.In(path, e.Message); }
        catch (UnauthorizedAccessException e) { throw InputException.In(path, e.Message); }
    }
}
