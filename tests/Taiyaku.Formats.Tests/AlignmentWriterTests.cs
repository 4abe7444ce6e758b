using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Taiyaku.Alignment;
using Taiyaku.Formats;
using Taiyaku.Pipeline;
using Taiyaku.Testing;
using Taiyaku.Text;

namespace Taiyaku.Formats.Tests;

/// <summary>
/// The one writer API: the same bytes to a Stream or a TextWriter, sync or async, across chunk boundaries that cut a
/// UTF-8 sequence; cancellation; and a real document written through <c>DocumentAlignment.ToAlignedText()</c> with
/// its offsets, page furniture and metadata in JSON and TMX.
/// </summary>
public class AlignmentWriterTests
{
    private static readonly OutputFormat[] Formats = Enum.GetValues<OutputFormat>();

    /// <summary>
    /// Several 64 KB chunks of mixed one-, two-, three- and four-byte UTF-8 (so that chunk ends fall inside sequences),
    /// with offsets, a deletion, an insertion, furniture of both sides and a low-scored link.
    /// </summary>
    private static IReadOnlyList<AlignedText> Large()
    {
        var items = new List<AlignedText>();
        for (int i = 0; i < 3000; i++)
            items.Add(new AlignedText(new IndexLink([i], [i]), $"第{i}条：é𠀋「政府」は{new string('税', i % 7)}。", $"Article {i}: é 𠀋 the government.", -i / 7.0)
            {
                Score = (i % 100) / 100.0,
                SourceRanges = [new(i * 20, 15), new(i * 20 + 15, 5)],
                TargetRanges = [new(i * 40, 38)],
            });
        items.Add(new AlignedText(new IndexLink([3000], []), "訳されない文。", "", 1.5) { Score = 0.2 });
        items.Add(new AlignedText(new IndexLink([], [3000]), "", "An added sentence.", 2.5) { Score = 0.3 });
        items.Add(AlignedText.Unaligned(AlignedKind.Furniture, AlignmentSide.Source, "- 3 -", [new(16, 3)]));
        items.Add(AlignedText.Unaligned(AlignedKind.Metadata, AlignmentSide.Target, "Translated by X.", [new(90, 16)]));
        return AlignedText.FilterByScore(items, 0.05);
    }

    private static byte[] ToBytes(Action<Stream> write)
    {
        var m = new MemoryStream();
        write(m);
        return m.ToArray();
    }

    [Fact]
    public async Task Stream_and_text_writer_sync_and_async_write_the_same_text()
    {
        var items = Large();
        foreach (var format in Formats)
        {
            byte[] sync = ToBytes(s => AlignmentWriter.Write(s, items, format));
            Assert.True(sync.Length > 3 * (1 << 16) || format == OutputFormat.Links, $"{format}: {sync.Length} bytes is less than three chunks");
            var expected = Encoding.UTF8.GetString(sync);
            Assert.False(sync.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{format}: a byte order mark");

            var asyncStream = new MemoryStream();
            await AlignmentWriter.WriteAsync(asyncStream, items, format);
            Assert.Equal(sync, asyncStream.ToArray());

            var text = new StringWriter();
            AlignmentWriter.Write(text, items, format);
            Assert.Equal(expected, text.ToString());

            var asyncText = new StringWriter();
            await AlignmentWriter.WriteAsync(asyncText, items, format);
            Assert.Equal(expected, asyncText.ToString());
        }
    }

    [Fact]
    public void The_destination_is_left_open()
    {
        var m = new MemoryStream();
        AlignmentWriter.Write(m, Large(), OutputFormat.Json);
        m.WriteByte((byte)'x');   // throws if the writer closed it
        var w = new StringWriter();
        AlignmentWriter.Write(w, Large(), OutputFormat.Tmx);
        w.Write('x');
        Assert.EndsWith("</tmx>\nx", w.ToString());
    }

    /// <summary>A stream that cancels a token once it has been written to <paramref name="after"/> times.</summary>
    private sealed class CancellingStream(CancellationTokenSource cts, int after) : MemoryStream
    {
        public int Writes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++Writes == after) cts.Cancel();
            return base.WriteAsync(buffer, cancellationToken);
        }
    }

    [Theory]
    [InlineData(OutputFormat.Tsv)]
    [InlineData(OutputFormat.Json)]
    [InlineData(OutputFormat.Tmx)]
    public async Task Cancellation_stops_the_writing(OutputFormat format)
    {
        using var cts = new CancellationTokenSource();
        var stream = new CancellingStream(cts, after: 1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AlignmentWriter.WriteAsync(stream, Large(), format, cancellationToken: cts.Token));
        Assert.Equal(1, stream.Writes);
        Assert.True(stream.Length < ToBytes(s => AlignmentWriter.Write(s, Large(), format)).Length);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AlignmentWriter.WriteAsync(new StringWriter(), Large(), format, cancellationToken: cts.Token));
    }

    [Fact]
    public void Bad_arguments_are_refused_by_name()
    {
        Assert.Equal("format", Assert.Throws<ArgumentOutOfRangeException>(() => AlignmentWriter.Write(new MemoryStream(), [], (OutputFormat)9)).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => AlignmentWriter.Write(new MemoryStream(), null!, OutputFormat.Json)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => AlignmentWriter.Write((TextWriter)null!, [], OutputFormat.Json)).ParamName);
        Assert.Throws<ArgumentException>(() => new AlignmentWriterOptions { TargetLanguage = " " });
        Assert.Throws<ArgumentException>(() => AlignedText.Unaligned(AlignedKind.Link, AlignmentSide.Source, "x", null));
    }

    [Fact]
    public void The_languages_of_the_options_are_written()
    {
        var items = new[] { new AlignedText(new IndexLink([0], [0]), "Bonjour.", "Hello.", 0), AlignedText.Unaligned(AlignedKind.Furniture, AlignmentSide.Source, "- 1 -", null) };
        var options = new AlignmentWriterOptions { SourceLanguage = "fr", TargetLanguage = "en-GB" };
        var w = new StringWriter();
        AlignmentWriter.Write(w, items, OutputFormat.Json, options);
        using var json = JsonDocument.Parse(w.ToString());
        Assert.Equal("fr", json.RootElement.GetProperty("sourceLanguage").GetString());
        Assert.Equal("en-GB", json.RootElement.GetProperty("targetLanguage").GetString());
        Assert.Equal("fr", json.RootElement.GetProperty("unaligned")[0].GetProperty("language").GetString());
        w = new StringWriter();
        AlignmentWriter.Write(w, items, OutputFormat.Tmx, options);
        var tmx = XDocument.Parse(w.ToString());
        Assert.Equal("fr", tmx.Root!.Element("header")!.Attribute("srclang")!.Value);
        // The package's version with its prerelease label, as --version prints it (it said 0.1.0 for 0.1.0-alpha.1).
        string version = tmx.Root!.Element("header")!.Attribute("creationtoolversion")!.Value;
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", version);
        Assert.Equal(typeof(AlignmentWriter).Assembly.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0], version);
        Assert.Equal(["fr", "en-GB", "fr"], tmx.Descendants("tuv").Select(v => v.Attribute(XNamespace.Xml + "lang")!.Value));
    }

    private static DocumentAlignment Cable() =>
        new DocumentAlignerBuilder().Build().AlignBilingual(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "cable-1468.txt")));

    private static List<TextRange> Ranges(Segment s) => [.. s.Ranges];

    [Fact]
    public void A_document_keeps_every_sentence_its_offsets_furniture_and_metadata()
    {
        var doc = Cable();
        var items = doc.ToAlignedText();
        var links = items.Where(i => i.Kind == AlignedKind.Link).ToList();
        Assert.Equal(doc.Pairs.Count, links.Count);
        Assert.Equal(Enumerable.Range(0, doc.Japanese.Sentences.Count), links.SelectMany(l => l.Link.Source));
        Assert.Equal(Enumerable.Range(0, doc.English.Sentences.Count), links.SelectMany(l => l.Link.Target));
        Assert.Equal(doc.Pairs.SelectMany(p => p.Japanese).SelectMany(Ranges), links.SelectMany(l => l.SourceRanges!));
        Assert.Equal(doc.Pairs.SelectMany(p => p.English).SelectMany(Ranges), links.SelectMany(l => l.TargetRanges!));

        // Each piece set apart on the side it came from, with its offsets.
        var apart = items.Where(i => i.Kind != AlignedKind.Link).ToList();
        var japaneseFurniture = doc.Japanese.Segments.Where(s => s.Kind == SegmentKind.Furniture).ToList();
        Assert.NotEmpty(japaneseFurniture);
        Assert.NotEmpty(doc.Metadata);
        Assert.Equal(doc.Unaligned.Count, apart.Count);
        Assert.Equal(japaneseFurniture.Select(s => (s.Text, "", Ranges(s))),
            apart.Take(japaneseFurniture.Count).Select(i => (i.SourceText, i.TargetText, i.SourceRanges!.ToList())));
        Assert.Equal(doc.Metadata.Select(s => (AlignedKind.Metadata, "", s.Text, Ranges(s))),
            apart.TakeLast(doc.Metadata.Count).Select(i => (i.Kind, i.SourceText, i.TargetText, i.TargetRanges!.ToList())));
    }

    [Fact]
    public void Json_and_tmx_of_a_document_carry_its_offsets_and_what_was_set_apart()
    {
        var items = Cable().ToAlignedText();
        var w = new StringWriter();
        AlignmentWriter.Write(w, items, OutputFormat.Json);
        using var json = JsonDocument.Parse(w.ToString());
        Assert.Equal(AlignmentWriter.JsonSchema, json.RootElement.GetProperty("schema").GetString());
        var unaligned = json.RootElement.GetProperty("unaligned").EnumerateArray().ToList();
        var apart = items.Where(i => i.Kind != AlignedKind.Link).ToList();
        Assert.Equal(apart.Select(i => (i.Side == AlignmentSide.Source ? "source" : "target", i.SourceText + i.TargetText, Offsets(i.SourceRanges ?? i.TargetRanges))),
            unaligned.Select(u => (u.GetProperty("side").GetString()!, u.GetProperty("text").GetString()!, JsonSerializer.Serialize(u.GetProperty("offsets")))));
        var jsonLinks = json.RootElement.GetProperty("links").EnumerateArray().ToList();
        var links = items.Where(i => i.Kind == AlignedKind.Link).ToList();
        Assert.Equal(links.Select(l => Offsets(l.SourceRanges)), jsonLinks.Select(l => JsonSerializer.Serialize(l.GetProperty("sourceOffsets"))));
        Assert.Equal(links.Select(l => Offsets(l.TargetRanges)), jsonLinks.Select(l => JsonSerializer.Serialize(l.GetProperty("targetOffsets"))));

        w = new StringWriter();
        AlignmentWriter.Write(w, items, OutputFormat.Tmx);
        var units = XDocument.Parse(w.ToString()).Descendants("tu").ToList();
        Assert.Equal(items.Count, units.Count);
        for (int k = 0; k < items.Count; k++)
        {
            var item = items[k];
            var variants = units[k].Elements("tuv").Select(v => (
                v.Attribute(XNamespace.Xml + "lang")!.Value,
                v.Elements("prop").Single(p => (string?)p.Attribute("type") == "x-offsets").Value)).ToList();
            var expected = new List<(string, string)>();
            if (item.Kind == AlignedKind.Link ? item.Link.Source.Count > 0 : item.Side == AlignmentSide.Source) expected.Add(("ja", Offsets(item.SourceRanges)));
            if (item.Kind == AlignedKind.Link ? item.Link.Target.Count > 0 : item.Side == AlignmentSide.Target) expected.Add(("en", Offsets(item.TargetRanges)));
            Assert.Equal(expected, variants);
            if (item.Kind != AlignedKind.Link)
                Assert.Equal(item.Kind == AlignedKind.Furniture ? "furniture" : "metadata", units[k].Elements("prop").Single(p => (string?)p.Attribute("type") == "x-unaligned").Value);
        }

        static string Offsets(IReadOnlyList<TextRange>? ranges) =>
            "[" + string.Join(",", ranges!.Select(r => $"[{r.Start},{r.Length}]")) + "]";
    }
}
