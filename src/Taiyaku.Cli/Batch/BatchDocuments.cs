using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Taiyaku.Formats;
using Taiyaku.Pipeline;
using Taiyaku.Text;

namespace Taiyaku.Cli.Batch;

/// <summary>The output line of one manifest line: a JSON record ending in <c>\n</c>, and what it holds.</summary>
internal readonly record struct BatchRecord(byte[] Json, bool Failed, int Links, int Sentences);

/// <summary>
/// Turns one manifest line into one output record with a shared, thread-safe <see cref="DocumentAligner"/>. Never
/// throws except for cancellation: every failure of a pair becomes an error record.
/// </summary>
/// <param name="aligner">Shared by all worker threads.</param>
/// <param name="manifestName">How error messages name the manifest (its path, or <c>&lt;stdin&gt;</c>).</param>
/// <param name="baseDirectory">Relative paths of the manifest are resolved against this folder ("" = the current one).</param>
/// <param name="segmentedByDefault">The value of <c>"segmented"</c> when a line does not give it.</param>
/// <param name="limits">The longest line and largest file read (default <see cref="InputLimits.Default"/>).</param>
/// <param name="output">The <c>--out</c> file, if it exists: a pair reading it stops the batch (it would be replaced).</param>
internal sealed class BatchDocuments(DocumentAligner aligner, string manifestName, string baseDirectory, bool segmentedByDefault, InputLimits? limits = null, string? output = null)
{
    private readonly FileStatus? _output = output != null && output != "-" && FileStatus.Of(output) is { Kind: FileKind.Regular } s ? s : null;

    private readonly InputDecoding _decoding = InputDecoding.Default with { Limits = limits ?? InputLimits.Default };

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Keys = ["id", "src", "tgt", "ja", "en", "bilingual", "segmented"];

    /// <summary>A pair that cannot be aligned; the message names the file (and line) or the manifest line.</summary>
    private sealed class PairException(string message) : Exception(message);

    /// <summary>Aligns the pair of <paramref name="line"/> (blank lines give an empty record: nothing is written).</summary>
    public BatchRecord Process(ManifestLine line, CancellationToken ct)
    {
        if (line.Bytes.AsSpan().Trim(" \t"u8).IsEmpty) return new BatchRecord([], false, 0, 0);
        JsonElement id = default;
        try
        {
            using var doc = Parse(line);
            var root = doc.RootElement;
            if (root.TryGetProperty("id", out var given))
            {
                if (given.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                    throw Bad(line, "\"id\" must be a string or a number");
                id = given.Clone();
            }
            // Checked after the id is read, so that the error record carries it.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in root.EnumerateObject())
            {
                if (Array.IndexOf(Keys, p.Name) < 0)
                    throw Bad(line, $"unknown key \"{p.Name}\" (known: {string.Join(", ", Keys)})");
                if (!seen.Add(p.Name))
                    throw Bad(line, $"key \"{p.Name}\" given twice (which one was meant?)");
            }
            return Align(root, id, line, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (OutputIsInputException) { throw; }
        catch (Exception e)
        {
            string message = e switch
            {
                PairException or InputException => e.Message,
                _ => $"{manifestName}:{line.Number}: {(e is TypeInitializationException or AggregateException ? e.GetBaseException() : e).Message}",
            };
            return Error(id, line.Number, message.Trim());
        }
    }

    private JsonDocument Parse(ManifestLine line)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(line.Bytes); }
        catch (JsonException e) { throw Bad(line, $"not a JSON object ({Describe(e)})"); }
        // A valid document of another kind is as wrong as a syntax error: it is not a manifest record.
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            doc.Dispose();
            throw Bad(line, "not a JSON object");
        }
        return doc;
    }

    /// <summary>The parser's message without its position suffix, then the byte offset in the line.</summary>
    private static string Describe(JsonException e)
    {
        string m = e.Message;
        foreach (string suffix in (string[])[" LineNumber:", " Path:"])
        {
            int cut = m.IndexOf(suffix, StringComparison.Ordinal);
            if (cut > 0) m = m[..cut];
        }
        m = m.TrimEnd('.', ' ', '|');
        return e.BytePositionInLine is { } at ? $"{m}, at byte {at}" : m;
    }

    private PairException Bad(ManifestLine line, string problem) => new($"{manifestName}:{line.Number}: {problem}");

    private BatchRecord Align(JsonElement root, JsonElement id, ManifestLine line, CancellationToken ct)
    {
        string? src = Text(root, "src", line), tgt = Text(root, "tgt", line);
        string? ja = Text(root, "ja", line), en = Text(root, "en", line);
        string? bilingual = Text(root, "bilingual", line);
        bool segmented = segmentedByDefault, askedSegmented = false;
        if (root.TryGetProperty("segmented", out var seg))
        {
            if (seg.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw Bad(line, "\"segmented\" must be true or false");
            segmented = askedSegmented = seg.GetBoolean();
        }
        bool files = src != null || tgt != null, inline = ja != null || en != null;
        if ((files ? 1 : 0) + (inline ? 1 : 0) + (bilingual != null ? 1 : 0) != 1)
            throw Bad(line, "give one pair: \"src\" and \"tgt\" (files), \"ja\" and \"en\" (texts), or \"bilingual\" (a file)");
        if (files && (src == null || tgt == null))
            throw Bad(line, src == null ? "\"src\" is missing (\"tgt\" is given)" : "\"tgt\" is missing (\"src\" is given)");
        if (inline && (ja == null || en == null))
            throw Bad(line, ja == null ? "\"ja\" is missing (\"en\" is given)" : "\"en\" is missing (\"ja\" is given)");
        if (bilingual != null && askedSegmented)
            throw Bad(line, "\"bilingual\" takes one raw document: it cannot be \"segmented\"");
        segmented &= bilingual == null;   // --segmented is the default for pairs of files and texts only

        if (segmented)
        {
            IReadOnlyList<string> jaSentences, enSentences;
            if (files)
            {
                jaSentences = InputFiles.ReadSentences(Resolve(src!), ct, _decoding);
                enSentences = InputFiles.ReadSentences(Resolve(tgt!), ct, _decoding);
            }
            else
            {
                jaSentences = InlineSentences(ja!, "ja", line);
                enSentences = InlineSentences(en!, "en", line);
            }
            var result = aligner.AlignSentences(jaSentences, enSentences, ct);
            return Write(id, json =>
            {
                foreach (var l in result.Links)
                {
                    json.WriteStartObject();
                    Indices(json, "ja", l.SourceStart, l.SourceCount);
                    Indices(json, "en", l.TargetStart, l.TargetCount);
                    json.WriteNumber("cost", Math.Round(l.Cost, 4));
                    if (!double.IsNaN(l.Score)) json.WriteNumber("score", Math.Round(l.Score, 4));
                    json.WriteString("ja_text", string.Concat(Slice(jaSentences, l.SourceStart, l.SourceCount)));
                    json.WriteString("en_text", string.Join(' ', Slice(enSentences, l.TargetStart, l.TargetCount)));
                    json.WriteEndObject();
                }
            }, unaligned: null, line.Number, result.Links.Count, jaSentences.Count + enSentences.Count);
        }

        DocumentAlignment doc;
        if (bilingual != null)
        {
            string path = Resolve(bilingual);
            doc = aligner.AlignBilingual(InputFiles.ReadDocument(path, ct, _decoding), ct);
            if (doc.Japanese.Sentences.Count == 0) throw InputException.In(path, "no Japanese text found");
            if (doc.English.Sentences.Count == 0) throw InputException.In(path, "no English text found");
        }
        else if (files)
        {
            string jaPath = Resolve(src!), enPath = Resolve(tgt!);
            doc = aligner.Align(InputFiles.ReadDocument(jaPath, ct, _decoding), InputFiles.ReadDocument(enPath, ct, _decoding), ct);
            if (doc.Japanese.Sentences.Count == 0) throw InputException.In(jaPath, "no sentence found");
            if (doc.English.Sentences.Count == 0) throw InputException.In(enPath, "no sentence found");
        }
        else
        {
            doc = aligner.Align(ja!, en!, ct);
            if (doc.Japanese.Sentences.Count == 0) throw Bad(line, "no sentence found in \"ja\"");
            if (doc.English.Sentences.Count == 0) throw Bad(line, "no sentence found in \"en\"");
        }
        return Write(id, json =>
        {
            foreach (var p in doc.Pairs)
            {
                json.WriteStartObject();
                Indices(json, "ja", p.JapaneseIndex, p.Japanese.Count);
                Indices(json, "en", p.EnglishIndex, p.English.Count);
                json.WriteNumber("cost", Math.Round(p.Cost, 4));
                if (!double.IsNaN(p.Score)) json.WriteNumber("score", Math.Round(p.Score, 4));
                json.WriteString("ja_text", p.JapaneseText);
                json.WriteString("en_text", p.EnglishText);
                Offsets(json, "ja_offsets", p.Japanese);
                Offsets(json, "en_offsets", p.English);
                json.WriteEndObject();
            }
        }, json =>
        {
            var japaneseSide = new HashSet<Segment>(doc.Japanese.Segments);
            foreach (var s in doc.Unaligned)
            {
                json.WriteStartObject();
                json.WriteString("kind", s.Kind == SegmentKind.Furniture ? "furniture" : "metadata");
                if (s.Kind == SegmentKind.Furniture) json.WriteString("lang", japaneseSide.Contains(s) ? "ja" : "en");
                json.WriteString("text", s.Text);
                Offsets(json, "offsets", [s]);
                json.WriteEndObject();
            }
        }, line.Number, doc.Pairs.Count, doc.Japanese.Sentences.Count + doc.English.Sentences.Count);
    }

    private string? Text(JsonElement root, string key, ManifestLine line)
    {
        if (!root.TryGetProperty(key, out var v)) return null;
        if (v.ValueKind != JsonValueKind.String) throw Bad(line, $"\"{key}\" must be a string");
        return v.GetString();
    }

    private string Resolve(string path)
    {
        string full = Path.Combine(baseDirectory, path);
        if (_output is { } o && o.SameFileAs(FileStatus.Of(full)))
            throw new OutputIsInputException($"{full}: is the output file ({output}): refusing to overwrite it; write to another file");
        return full;
    }

    private List<string> InlineSentences(string text, string key, ManifestLine line)
    {
        // The same lines as a segmented file: \n or \r\n end a line, a final line break adds no sentence.
        var lines = new List<string>(text.Split('\n'));
        if (lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].EndsWith('\r')) lines[i] = lines[i][..^1];
        if (lines.Count == 0) throw Bad(line, $"\"{key}\" is empty: there is no sentence to align");
        return lines;
    }

    private static IEnumerable<string> Slice(IReadOnlyList<string> list, int start, int count)
    {
        for (int i = start; i < start + count; i++) yield return list[i];
    }

    private static void Indices(Utf8JsonWriter json, string name, int start, int count)
    {
        json.WriteStartArray(name);
        for (int i = start; i < start + count; i++) json.WriteNumberValue(i);
        json.WriteEndArray();
    }

    private static void Offsets(Utf8JsonWriter json, string name, IEnumerable<Segment> segments)
    {
        json.WriteStartArray(name);
        foreach (var s in segments)
        {
            foreach (var r in s.Ranges)
            {
                json.WriteStartArray();
                json.WriteNumberValue(r.Start);
                json.WriteNumberValue(r.Length);
                json.WriteEndArray();
            }
        }
        json.WriteEndArray();
    }

    private static void WriteId(Utf8JsonWriter json, JsonElement id, int lineNumber)
    {
        json.WritePropertyName("id");
        if (id.ValueKind == JsonValueKind.Undefined) json.WriteNumberValue(lineNumber);
        else id.WriteTo(json);
    }

    private BatchRecord Write(JsonElement id, Action<Utf8JsonWriter> links, Action<Utf8JsonWriter>? unaligned, int lineNumber, int linkCount, int sentences)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + 128 * linkCount);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            WriteId(json, id, lineNumber);
            json.WriteStartArray("links");
            links(json);
            json.WriteEndArray();
            json.WriteStartArray("unaligned");
            unaligned?.Invoke(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return new BatchRecord(Terminate(buffer), false, linkCount, sentences);
    }

    private static BatchRecord Error(JsonElement id, int lineNumber, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            WriteId(json, id, lineNumber);
            json.WriteNumber("line", lineNumber);
            json.WriteString("error", message);
            json.WriteEndObject();
        }
        return new BatchRecord(Terminate(buffer), true, 0, 0);
    }

    private static byte[] Terminate(ArrayBufferWriter<byte> buffer)
    {
        var bytes = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        return bytes;
    }
}
