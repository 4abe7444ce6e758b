using Taiyaku.Alignment;
using System.Text.Json;

namespace Taiyaku.Formats;

/// <summary>
/// The one JSON record of an alignment (schema <see cref="AlignmentWriter.JsonSchema"/>), written by <c>align --format
/// json</c> (indented) and, one per line with an <c>id</c>, by <c>align-batch</c>. The shape is
/// <c>docs/schema/alignment.schema.json</c>; change both together, and the version with any change a reader would notice.
/// </summary>
internal static class AlignmentJson
{
    /// <summary>
    /// Writes one record. <paramref name="writeId"/>, if given, writes the <c>id</c> property's value; with
    /// <paramref name="output"/>, the writer is flushed into it and drained whenever it holds a chunk.
    /// </summary>
    public static async ValueTask WriteAsync(Utf8JsonWriter json, IReadOnlyList<AlignedText> items, AlignmentWriterOptions options,
        Action<Utf8JsonWriter>? writeId = null, ChunkedOutput? output = null)
    {
        json.WriteStartObject();
        json.WriteString("schema", AlignmentWriter.JsonSchema);
        if (writeId != null)
        {
            json.WritePropertyName("id");
            writeId(json);
        }
        json.WriteString("sourceLanguage", options.SourceLanguage);
        json.WriteString("targetLanguage", options.TargetLanguage);
        json.WriteStartArray("links");
        foreach (var i in items)
        {
            if (i.Kind != AlignedKind.Link) continue;
            json.WriteStartObject();
            Indices(json, "source", i.Link.Source);
            Indices(json, "target", i.Link.Target);
            json.WriteString("sourceText", i.SourceText);
            json.WriteString("targetText", i.TargetText);
            // JSON has no infinities: a cost that overflowed (options outside the documented bounds) is null, not a crash.
            if (double.IsFinite(i.Cost)) json.WriteNumber("cost", Math.Round(i.Cost, 4));
            else json.WriteNull("cost");
            if (double.IsFinite(i.Score)) json.WriteNumber("score", Math.Round(i.Score, 4));
            Offsets(json, "sourceOffsets", i.SourceRanges);
            Offsets(json, "targetOffsets", i.TargetRanges);
            json.WriteEndObject();
            await Checkpoint(json, output).ConfigureAwait(false);
        }
        json.WriteEndArray();
        json.WriteStartArray("unaligned");
        foreach (var i in items)
        {
            if (i.Kind == AlignedKind.Link) continue;
            bool source = i.Side == AlignmentSide.Source;
            json.WriteStartObject();
            json.WriteString("kind", AlignmentWriter.KindName(i.Kind));
            json.WriteString("side", source ? "source" : "target");
            json.WriteString("language", source ? options.SourceLanguage : options.TargetLanguage);
            if (i.Kind == AlignedKind.LowScore)
            {
                Indices(json, "sentences", source ? i.Link.Source : i.Link.Target);
                if (double.IsFinite(i.Score)) json.WriteNumber("score", Math.Round(i.Score, 4));
            }
            json.WriteString("text", source ? i.SourceText : i.TargetText);
            Offsets(json, "offsets", source ? i.SourceRanges : i.TargetRanges);
            json.WriteEndObject();
            await Checkpoint(json, output).ConfigureAwait(false);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static async ValueTask Checkpoint(Utf8JsonWriter json, ChunkedOutput? output)
    {
        if (output == null) return;
        output.CancellationToken.ThrowIfCancellationRequested();
        if (json.BytesPending + output.Buffer.Length < (1 << 16)) return;
        json.Flush();
        if (output.Full) await output.DrainAsync().ConfigureAwait(false);
    }

    private static void Indices(Utf8JsonWriter json, string name, IReadOnlyList<int> indices)
    {
        json.WriteStartArray(name);
        foreach (int id in indices) json.WriteNumberValue(id);
        json.WriteEndArray();
    }

    private static void Offsets(Utf8JsonWriter json, string name, IReadOnlyList<TextRange>? ranges)
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
}
