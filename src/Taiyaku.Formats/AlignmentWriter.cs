using Taiyaku.Alignment;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Taiyaku.Formats;

/// <summary>
/// Writes an alignment in every <see cref="OutputFormat"/>, as UTF-8 without a byte order mark, to a
/// <see cref="Stream"/> or a <see cref="TextWriter"/>, synchronously or asynchronously: one set of methods for a whole
/// document (<c>DocumentAlignment.ToAlignedText()</c> in Taiyaku.Pipeline, with offsets, page furniture and metadata) and
/// for sentence-level results (<see cref="AlignedText.Create"/>). The output is written a chunk (64 KB) at a time; the
/// destination is flushed at the end and left open.
/// </summary>
/// <example>
/// <code>
/// DocumentAlignment doc = aligner.Align(japanese, english);
/// await using var file = File.Create("doc.tmx");
/// await AlignmentWriter.WriteAsync(file, doc.ToAlignedText(), OutputFormat.Tmx);
/// </code>
/// </example>
public static class AlignmentWriter
{
    /// <summary>
    /// The version of the JSON record, its <c>schema</c> property: <c>taiyaku-alignment/2</c>. The same record is written
    /// by <see cref="OutputFormat.Json"/>, <c>taiyaku align --format json</c> and, with an <c>id</c>, one per line by
    /// <c>taiyaku align-batch</c>; its JSON Schema is <c>docs/schema/alignment.schema.json</c> in the repository.
    /// </summary>
    public const string JsonSchema = "taiyaku-alignment/2";

    /// <summary>Writes <paramref name="items"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    /// <param name="output">A writable stream; left open.</param>
    /// <param name="items">The links, then any text set apart, in the order to write them.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">The languages; <see cref="AlignmentWriterOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a format.</exception>
    public static void Write(Stream output, IReadOnlyList<AlignedText> items, OutputFormat format, AlignmentWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Complete(WriteCoreAsync(new ChunkedOutput(output, async: false, default), items, format, options));
    }

    /// <summary>Writes <paramref name="items"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    /// <param name="output">Where the text goes (a <see cref="StringWriter"/>, a console, a file's writer); left open.</param>
    /// <param name="items">The links, then any text set apart, in the order to write them.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">The languages; <see cref="AlignmentWriterOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a format.</exception>
    public static void Write(TextWriter output, IReadOnlyList<AlignedText> items, OutputFormat format, AlignmentWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Complete(WriteCoreAsync(new ChunkedOutput(output, async: false, default), items, format, options));
    }

    /// <summary>Writes <paramref name="items"/> to <paramref name="output"/> in <paramref name="format"/>, asynchronously.</summary>
    /// <param name="output">A writable stream; left open.</param>
    /// <param name="items">The links, then any text set apart, in the order to write them.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">The languages; <see cref="AlignmentWriterOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the writing; what was written by then stays written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a format.</exception>
    public static Task WriteAsync(Stream output, IReadOnlyList<AlignedText> items, OutputFormat format, AlignmentWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return WriteCoreAsync(new ChunkedOutput(output, async: true, cancellationToken), items, format, options).AsTask();
    }

    /// <summary>Writes <paramref name="items"/> to <paramref name="output"/> in <paramref name="format"/>, asynchronously.</summary>
    /// <param name="output">Where the text goes; left open.</param>
    /// <param name="items">The links, then any text set apart, in the order to write them.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">The languages; <see cref="AlignmentWriterOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the writing; what was written by then stays written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a format.</exception>
    public static Task WriteAsync(TextWriter output, IReadOnlyList<AlignedText> items, OutputFormat format, AlignmentWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return WriteCoreAsync(new ChunkedOutput(output, async: true, cancellationToken), items, format, options).AsTask();
    }

    /// <summary>The sync methods run the one async path with synchronous I/O: it has completed when it returns.</summary>
    private static void Complete(ValueTask task)
    {
        if (!task.IsCompleted) throw new InvalidOperationException("A synchronous write did not complete synchronously.");
        task.GetAwaiter().GetResult();
    }

    private static async ValueTask WriteCoreAsync(ChunkedOutput output, IReadOnlyList<AlignedText> items, OutputFormat format, AlignmentWriterOptions? options)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (!Enum.IsDefined(format)) throw new ArgumentOutOfRangeException(nameof(format), format, "Not an output format.");
        options ??= AlignmentWriterOptions.Default;
        switch (format)
        {
            case OutputFormat.Links:
            case OutputFormat.Tsv:
                await WriteLinesAsync(output, items, format).ConfigureAwait(false);
                break;
            case OutputFormat.Json:
                using (var json = new Utf8JsonWriter(output.Buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    await AlignmentJson.WriteAsync(json, items, options, output: output).ConfigureAwait(false);
                    json.Flush();
                }
                output.Buffer.WriteByte((byte)'\n');
                break;
            case OutputFormat.Tmx:
                await WriteTmxAsync(output, items, options).ConfigureAwait(false);
                break;
        }
        await output.DrainAsync(final: true).ConfigureAwait(false);
    }

    internal static string KindName(AlignedKind kind) => kind switch
    {
        AlignedKind.Furniture => "furniture",
        AlignedKind.Metadata => "metadata",
        AlignedKind.LowScore => "low-score",
        _ => "link",
    };

    private static string Cost(double cost) => cost.ToString("0.####", CultureInfo.InvariantCulture);

    private static async ValueTask WriteLinesAsync(ChunkedOutput output, IReadOnlyList<AlignedText> items, OutputFormat format)
    {
        using var w = new StreamWriter(output.Buffer, TextFiles.StrictUtf8, 1 << 12, leaveOpen: true) { NewLine = "\n" };
        foreach (var i in items)
        {
            if (format == OutputFormat.Links)
            {
                if (i.Kind != AlignedKind.Link) continue;
                w.Write(i.Link.ToString());
                w.Write('\n');
            }
            else WriteTsvRow(w, i);
            output.CancellationToken.ThrowIfCancellationRequested();
            if (output.Buffer.Length + (1 << 12) >= (1 << 16))
            {
                w.Flush();
                if (output.Full) await output.DrainAsync().ConfigureAwait(false);
            }
        }
        w.Flush();
    }

    private static void WriteTsvRow(TextWriter w, AlignedText i)
    {
        w.Write(OneField(i.SourceText));
        w.Write('\t');
        w.Write(OneField(i.TargetText));
        w.Write('\t');
        if (i.Kind == AlignedKind.Link) w.Write(Cost(i.Cost));
        w.Write('\t');
        if (i.Kind == AlignedKind.Link && !double.IsNaN(i.Score)) w.Write(Cost(i.Score));
        else if (i.Kind != AlignedKind.Link) w.Write(KindName(i.Kind));
        w.Write('\n');

        // A TSV field cannot hold a tab or a line break; they are whitespace in a sentence, so a space keeps the meaning.
        // Line breaks are every character some line reader splits at (Python's str.splitlines, Unicode's NEL, LS, PS).
        static string OneField(string s)
        {
            if (s.AsSpan().IndexOfAny(TsvBreaks) < 0) return s;
            var chars = s.Replace("\r\n", " ").ToCharArray();
            for (int k = 0; k < chars.Length; k++)
                if (TsvBreaks.Contains(chars[k])) chars[k] = ' ';
            return new string(chars);
        }
    }

    private static readonly System.Buffers.SearchValues<char> TsvBreaks =
        System.Buffers.SearchValues.Create("\t\n\r\v\f\u001C\u001D\u001E\u0085\u2028\u2029");

    private static async ValueTask WriteTmxAsync(ChunkedOutput output, IReadOnlyList<AlignedText> items, AlignmentWriterOptions options)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            // A carriage return inside a sentence must come back as one, not as a line feed.
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        };
        using (var x = XmlWriter.Create(output.Buffer, settings))
        {
            x.WriteStartDocument();
            x.WriteStartElement("tmx");
            x.WriteAttributeString("version", "1.4");
            x.WriteStartElement("header");
            x.WriteAttributeString("creationtool", "taiyaku");
            x.WriteAttributeString("creationtoolversion", ProductVersion.Current);
            x.WriteAttributeString("datatype", "plaintext");
            x.WriteAttributeString("segtype", "sentence");
            x.WriteAttributeString("adminlang", "en");
            x.WriteAttributeString("srclang", options.SourceLanguage);
            x.WriteAttributeString("o-tmf", "taiyaku");
            x.WriteEndElement();
            x.WriteStartElement("body");
            foreach (var i in items)
            {
                x.WriteStartElement("tu");
                if (i.Kind == AlignedKind.Link)
                {
                    Prop(x, "x-links", i.Link.ToString());
                    Prop(x, "x-cost", Cost(i.Cost));
                    if (!double.IsNaN(i.Score)) Prop(x, "x-score", Cost(i.Score));
                    if (i.Link.Source.Count > 0) Variant(x, options.SourceLanguage, i.SourceText, i.SourceRanges);
                    if (i.Link.Target.Count > 0) Variant(x, options.TargetLanguage, i.TargetText, i.TargetRanges);
                }
                else
                {
                    Prop(x, "x-unaligned", KindName(i.Kind));
                    if (i.Kind == AlignedKind.LowScore)
                    {
                        // The side's sentences and the score of the link it was taken from: nothing the JSON has is lost.
                        Prop(x, "x-links", i.Link.ToString());
                        if (!double.IsNaN(i.Score)) Prop(x, "x-score", Cost(i.Score));
                    }
                    if (i.Side == AlignmentSide.Source) Variant(x, options.SourceLanguage, i.SourceText, i.SourceRanges);
                    else Variant(x, options.TargetLanguage, i.TargetText, i.TargetRanges);
                }
                x.WriteEndElement();
                output.CancellationToken.ThrowIfCancellationRequested();
                if (output.Buffer.Length >= (1 << 16) - (1 << 12))
                {
                    x.Flush();
                    if (output.Full) await output.DrainAsync().ConfigureAwait(false);
                }
            }
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        output.Buffer.WriteByte((byte)'\n');

        static void Prop(XmlWriter x, string type, string value)
        {
            x.WriteStartElement("prop");
            x.WriteAttributeString("type", type);
            x.WriteString(value);
            x.WriteEndElement();
        }

        // A variant's offsets in its original document, as in JSON: [[start,length],…] in UTF-16 units.
        static void Variant(XmlWriter x, string lang, string text, IReadOnlyList<TextRange>? ranges)
        {
            x.WriteStartElement("tuv");
            x.WriteAttributeString("xml", "lang", null, lang);
            if (ranges != null)
                Prop(x, "x-offsets", "[" + string.Join(",", ranges.Select(r => string.Create(CultureInfo.InvariantCulture, $"[{r.Start},{r.Length}]"))) + "]");
            x.WriteElementString("seg", XmlSafe(text));
            x.WriteEndElement();
        }
    }

    /// <summary>XML 1.0 cannot carry most control characters, even escaped; they become U+FFFD so the file stays valid.</summary>
    internal static string XmlSafe(string text)
    {
        int i = 0;
        while (i < text.Length && IsXmlChar(text, i)) i += char.IsHighSurrogate(text[i]) ? 2 : 1;
        if (i >= text.Length) return text;
        var sb = new StringBuilder(text.Length);
        for (int j = 0; j < text.Length; j++)
        {
            if (char.IsHighSurrogate(text[j]) && j + 1 < text.Length && char.IsLowSurrogate(text[j + 1]))
            {
                sb.Append(text, j, 2);
                j++;
            }
            else sb.Append(IsXmlChar(text, j) && !char.IsSurrogate(text[j]) ? text[j] : '\uFFFD');
        }
        return sb.ToString();
    }

    private static bool IsXmlChar(string s, int i)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c)) return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
        if (char.IsLowSurrogate(c)) return false;
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
