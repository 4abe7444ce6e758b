using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Taiyaku.Cli.Jobs;
using Taiyaku.Formats;
using Taiyaku.Pipeline;
using Taiyaku.Text;

namespace Taiyaku.Cli.Batch;

/// <summary>The output line of one manifest line: a JSON record ending in <c>\n</c>, and what it holds; a warning for
/// stderr (the pair aligned by lengths alone), if any.</summary>
internal readonly record struct BatchRecord(byte[] Json, bool Failed, int Links, int Sentences, string? Warning = null);

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
            CheckKeys(root, line);
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

    private AlignmentJob Job(JsonElement root, ManifestLine line)
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

        JobInput input = bilingual != null ? new JobInput.Bilingual(Resolve(bilingual))
            : files ? new JobInput.Files(Resolve(src!), Resolve(tgt!))
            : new JobInput.Texts(ja!, en!, $"{manifestName}:{line.Number}");
        return new AlignmentJob(input, segmented, _decoding, _decoding);
    }

    private BatchRecord Align(JsonElement root, JsonElement id, ManifestLine line, CancellationToken ct)
    {
        var result = Job(root, line).Run(aligner, ct);
        return Write(id, result, line.Number) with
            { Warning = result.LengthsOnlyWarning(aligner.Options.Anchors) is { } w ? $"{manifestName}:{line.Number}: {w}" : null };
    }

    /// <summary>Every key of a manifest record is known and given once.</summary>
    private void CheckKeys(JsonElement root, ManifestLine line)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
        {
            if (Array.IndexOf(Keys, p.Name) < 0)
                throw Bad(line, $"unknown key \"{p.Name}\" (known: {string.Join(", ", Keys)})");
            if (!seen.Add(p.Name))
                throw Bad(line, $"key \"{p.Name}\" given twice (which one was meant?)");
        }
    }

    /// <summary>
    /// What the pair of <paramref name="line"/> contributes to a corpus-level translation model (<c>taiyaku learn</c>);
    /// a blank line contributes nothing. A bad line or pair is an <see cref="InputException"/> naming the manifest line
    /// or the file: a model is learned from the whole batch or not at all.
    /// </summary>
    public TranslationStatistics Collect(ManifestLine line, CancellationToken ct)
    {
        if (line.Bytes.AsSpan().Trim(" \t"u8).IsEmpty) return TranslationStatistics.Empty;
        try
        {
            using var doc = Parse(line);
            var root = doc.RootElement;
            if (root.TryGetProperty("id", out var given) && given.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                throw Bad(line, "\"id\" must be a string or a number");
            CheckKeys(root, line);
            return Job(root, line).Collect(aligner, ct);
        }
        catch (PairException e) { throw new InputException(e.Message); }
    }

    /// <summary>
    /// The record of an aligned pair: the one JSON record of <c>align --format json</c> (schema
    /// <see cref="AlignmentWriter.JsonSchema"/>) with the pair's id, on one line.
    /// </summary>
    private static BatchRecord Write(JsonElement id, JobResult result, int lineNumber)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + 128 * result.Links);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var written = AlignmentJson.WriteAsync(json, result.Items, AlignmentWriterOptions.Default, writeId: j => WriteId(j, id, lineNumber));
            if (!written.IsCompleted) throw new InvalidOperationException("A record written to memory did not complete synchronously.");
            written.GetAwaiter().GetResult();
        }
        return new BatchRecord(Terminate(buffer), false, result.Links, result.Sentences);
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

    /// <summary>The id's value: the manifest's, else the line number.</summary>
    private static void WriteId(Utf8JsonWriter json, JsonElement id, int lineNumber)
    {
        if (id.ValueKind == JsonValueKind.Undefined) json.WriteNumberValue(lineNumber);
        else id.WriteTo(json);
    }

    private static BatchRecord Error(JsonElement id, int lineNumber, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("schema", AlignmentWriter.JsonSchema);
            json.WritePropertyName("id");
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
