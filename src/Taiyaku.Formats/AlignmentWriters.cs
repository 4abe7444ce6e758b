using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Taiyaku.Formats;

/// <summary>
/// The output formats of an alignment. Items that are not links (page furniture, metadata) appear in TSV with an empty
/// cost, in JSON under <c>unaligned</c> and in TMX as single-variant units; vecalign links hold only links.
/// </summary>
public enum OutputFormat
{
    /// <summary>vecalign links, one per line: <c>[0, 1]:[0]</c>.</summary>
    Links,
    /// <summary>Tab-separated: source text, target text, cost, score (or, for unaligned text, its kind). Tabs and line breaks inside a text become spaces.</summary>
    Tsv,
    /// <summary>A JSON object with the languages and an array of links with indices, texts and costs.</summary>
    Json,
    /// <summary>TMX 1.4b: one translation unit per link; a deletion or insertion is a unit with a single variant.</summary>
    Tmx,
}

/// <summary>Languages and tool identity written into the self-describing formats (JSON, TMX).</summary>
/// <param name="SourceLanguage">BCP 47 tag of the source side; default <c>ja</c>.</param>
/// <param name="TargetLanguage">BCP 47 tag of the target side; default <c>en</c>.</param>
public sealed record WriterOptions(string SourceLanguage = "ja", string TargetLanguage = "en")
{
    /// <summary>The defaults: Japanese source, English target.</summary>
    public static WriterOptions Default { get; } = new();
}

/// <summary>Writes aligned texts in every <see cref="OutputFormat"/>.</summary>
public static class AlignmentWriters
{
    /// <summary>Writes <paramref name="items"/> to <paramref name="output"/> as UTF-8 (no BOM) in <paramref name="format"/>.</summary>
    public static void Write(Stream output, IReadOnlyList<AlignedText> items, OutputFormat format, WriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);
        options ??= WriterOptions.Default;
        switch (format)
        {
            case OutputFormat.Links:
            case OutputFormat.Tsv:
                using (var w = new StreamWriter(output, TextFiles.StrictUtf8, 1 << 16, leaveOpen: true) { NewLine = "\n" })
                {
                    if (format == OutputFormat.Links) VecalignLinks.Write(w, items.Where(i => i.Kind == AlignedKind.Link).Select(i => i.Link));
                    else WriteTsv(w, items);
                }
                break;
            case OutputFormat.Json:
                WriteJson(output, items, options);
                break;
            case OutputFormat.Tmx:
                WriteTmx(output, items, options);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    private static string KindName(AlignedKind kind) => kind switch
    {
        AlignedKind.Furniture => "furniture",
        AlignedKind.Metadata => "metadata",
        AlignedKind.LowScore => "low-score",
        _ => "link",
    };

    private static string Cost(double cost) => cost.ToString("0.####", CultureInfo.InvariantCulture);

    private static void WriteTsv(TextWriter w, IReadOnlyList<AlignedText> items)
    {
        foreach (var i in items)
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
        }

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

    private static void WriteJson(Stream output, IReadOnlyList<AlignedText> items, WriterOptions options)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("sourceLanguage", options.SourceLanguage);
        json.WriteString("targetLanguage", options.TargetLanguage);
        json.WriteStartArray("links");
        foreach (var i in items.Where(i => i.Kind == AlignedKind.Link))
        {
            json.WriteStartObject();
            json.WriteStartArray("source");
            foreach (int id in i.Link.Source) json.WriteNumberValue(id);
            json.WriteEndArray();
            json.WriteStartArray("target");
            foreach (int id in i.Link.Target) json.WriteNumberValue(id);
            json.WriteEndArray();
            json.WriteString("sourceText", i.SourceText);
            json.WriteString("targetText", i.TargetText);
            // JSON has no infinities: a cost that overflowed (options outside the documented bounds) is null, not a crash.
            if (double.IsFinite(i.Cost)) json.WriteNumber("cost", Math.Round(i.Cost, 4));
            else json.WriteNull("cost");
            if (double.IsFinite(i.Score)) json.WriteNumber("score", Math.Round(i.Score, 4));
            Offsets(json, "sourceOffsets", i.SourceRanges);
            Offsets(json, "targetOffsets", i.TargetRanges);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        var unaligned = items.Where(i => i.Kind != AlignedKind.Link).ToList();
        if (unaligned.Count > 0)
        {
            json.WriteStartArray("unaligned");
            foreach (var i in unaligned)
            {
                bool source = i.SourceText.Length > 0;
                json.WriteStartObject();
                json.WriteString("kind", KindName(i.Kind));
                if (i.Kind == AlignedKind.LowScore)
                {
                    json.WriteStartArray("sentences");
                    foreach (int id in source ? i.Link.Source : i.Link.Target) json.WriteNumberValue(id);
                    json.WriteEndArray();
                    if (double.IsFinite(i.Score)) json.WriteNumber("score", Math.Round(i.Score, 4));
                }
                json.WriteString("language", source ? options.SourceLanguage : options.TargetLanguage);
                json.WriteString("text", source ? i.SourceText : i.TargetText);
                Offsets(json, "offsets", source ? i.SourceRanges : i.TargetRanges);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void Offsets(Utf8JsonWriter json, string name, IReadOnlyList<(int Start, int Length)>? ranges)
    {
        if (ranges == null) return;
        json.WriteStartArray(name);
        foreach (var (start, length) in ranges)
        {
            json.WriteStartArray();
            json.WriteNumberValue(start);
            json.WriteNumberValue(length);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void WriteTmx(Stream output, IReadOnlyList<AlignedText> items, WriterOptions options)
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
        using var x = XmlWriter.Create(output, settings);
        x.WriteStartDocument();
        x.WriteStartElement("tmx");
        x.WriteAttributeString("version", "1.4");
        x.WriteStartElement("header");
        x.WriteAttributeString("creationtool", "taiyaku");
        x.WriteAttributeString("creationtoolversion", typeof(AlignmentWriters).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
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
            }
            else Prop(x, "x-unaligned", KindName(i.Kind));
            if (i.Link.Source.Count > 0 || (i.Kind != AlignedKind.Link && i.SourceText.Length > 0)) Variant(x, options.SourceLanguage, i.SourceText);
            if (i.Link.Target.Count > 0 || (i.Kind != AlignedKind.Link && i.TargetText.Length > 0)) Variant(x, options.TargetLanguage, i.TargetText);
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndDocument();
        x.Flush();
        output.WriteByte((byte)'\n');

        static void Prop(XmlWriter x, string type, string value)
        {
            x.WriteStartElement("prop");
            x.WriteAttributeString("type", type);
            x.WriteString(value);
            x.WriteEndElement();
        }

        static void Variant(XmlWriter x, string lang, string text)
        {
            x.WriteStartElement("tuv");
            x.WriteAttributeString("xml", "lang", null, lang);
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
