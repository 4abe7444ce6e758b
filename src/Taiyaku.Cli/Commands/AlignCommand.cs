using System.Diagnostics;
using Taiyaku.Alignment;
using Taiyaku.Formats;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;
using Taiyaku.Text;

namespace Taiyaku.Cli.Commands;

/// <summary><c>align</c>: aligns a Japanese text with its English translation and writes links, TSV, JSON or TMX.</summary>
internal sealed class AlignCommand : ICommand
{
    public string Name => "align";

    public string Summary => "align a Japanese text with its English translation";

    public string Help => """
        Usage: taiyaku align --src FILE --tgt FILE [--segmented] [options]
               taiyaku align --bilingual FILE [options]

        Aligns the sentences of a Japanese text with those of its English translation.

          --src FILE         source text (Japanese), UTF-8
          --tgt FILE         target text (English), UTF-8
          --segmented        the files hold one sentence per line; line i is sentence i (0-based).
                             Without it the files are raw documents: paragraphs, wrapped lines and page
                             stamps are handled, and sentences are found by the segmenter.
          --bilingual FILE   one raw document holding the Japanese original and its English translation
                             (e.g. an archive's record): it is split by script, metadata set apart
          --format FORMAT    links (default): vecalign links, e.g. [0, 1]:[0]
                             tsv: Japanese text, English text, cost (tab-separated)
                             json: links with indices, texts, costs and character offsets
                             tmx: TMX 1.4b translation memory (xml:lang ja and en)
          --out FILE         write here instead of stdout (written whole or not at all)
          --length MEASURE   bytes (default: UTF-8 bytes), chars, or tokens (MeCab morphemes / ICU words)
          --beads SET        extended (default): 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 1-3, 3-1, 3-2, 2-3, 3-3
                             standard: Gale and Church's 1-1, 1-0, 0-1, 2-1, 1-2, 2-2
          --dicdir DIR       MeCab dictionary for --length tokens (default: found automatically)
          -h, --help         show this help

        Every sentence of both texts appears in exactly one link (a sentence with no counterpart is a link
        with an empty side, e.g. [5]:[]). Page furniture and metadata are never aligned; they appear in TSV
        rows with an empty cost, in JSON under "unaligned" and in TMX as single-variant units, after the links.
        Sentence indices of raw input refer to the segmenter's sentences (see 'taiyaku segment').

        Exit codes: 0 ok, 1 input error (the message names the file and line), 2 usage error.
        """;

    private static readonly string[] Values = ["src", "tgt", "bilingual", "format", "out", "beads", "length", "dicdir"];
    private static readonly string[] Flags = ["segmented"];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var cl = CommandLine.Parse(args, Values, Flags);
        string? bilingual = cl.Get("bilingual");
        if (bilingual != null && (cl.Get("src") != null || cl.Get("tgt") != null || cl.Has("segmented")))
            throw new UsageException("--bilingual takes one document: give it without --src, --tgt and --segmented");
        var format = cl.Choice("format", "links", "links", "tsv", "json", "tmx") switch
        {
            "tsv" => OutputFormat.Tsv,
            "json" => OutputFormat.Json,
            "tmx" => OutputFormat.Tmx,
            _ => OutputFormat.Links,
        };
        var beads = cl.Choice("beads", "extended", "standard", "extended") == "extended" ? Bead.Extended : Bead.Standard;
        var length = cl.Choice("length", "bytes", "chars", "bytes", "tokens") switch
        {
            "chars" => LengthMeasure.Characters,
            "tokens" => LengthMeasure.Tokens,
            _ => LengthMeasure.Utf8Bytes,
        };
        string? src = bilingual == null ? cl.Require("src") : null, tgt = bilingual == null ? cl.Require("tgt") : null;
        string? output = cl.Get("out");
        var ct = context.Cancellation;

        using var analyzer = length == LengthMeasure.Tokens ? OpenAnalyzer(cl.Get("dicdir")) : null;
        var options = DocumentAlignerOptions.Default with
        {
            Length = length,
            Alignment = new GaleChurchOptions { Beads = beads },
        };
        var aligner = new DocumentAligner(options, analyzer);
        var clock = Stopwatch.StartNew();

        IReadOnlyList<AlignedText> items;
        if (cl.Has("segmented"))
        {
            var ja = InputFiles.ReadSentences(src!, ct);
            var en = InputFiles.ReadSentences(tgt!, ct);
            Progress(context, ja.Count + en.Count, $"read {ja.Count} + {en.Count} sentences", clock);
            var result = aligner.AlignSentences(ja, en, ct);
            items = AlignedText.Create(result, ja, en, sourceJoiner: "", targetJoiner: " ");
        }
        else
        {
            DocumentAlignment doc;
            if (bilingual != null)
            {
                doc = aligner.AlignBilingual(InputFiles.ReadDocument(bilingual, ct), ct);
                if (doc.Japanese.Sentences.Count == 0) throw InputException.In(bilingual, "no Japanese text found");
                if (doc.English.Sentences.Count == 0) throw InputException.In(bilingual, "no English text found");
            }
            else
            {
                doc = aligner.Align(InputFiles.ReadDocument(src!, ct), InputFiles.ReadDocument(tgt!, ct), ct);
                if (doc.Japanese.Sentences.Count == 0) throw InputException.In(src!, "no sentence found");
                if (doc.English.Sentences.Count == 0) throw InputException.In(tgt!, "no sentence found");
            }
            Progress(context, doc.Japanese.Sentences.Count + doc.English.Sentences.Count, $"aligned {doc.Pairs.Count} links", clock);
            items = ToItems(doc);
        }
        OutputFile.Write(output, context.StdOut, s => AlignmentWriters.Write(s, items, format));
        return ExitCodes.Ok;
    }

    private static void Progress(CliContext context, int sentences, string what, Stopwatch clock)
    {
        if (sentences > 20_000) context.StdErr.WriteLine($"taiyaku: {what} in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static MorphologicalAnalyzer OpenAnalyzer(string? dicdir)
    {
        try { return MorphologicalAnalyzer.Open(dicdir); }
        catch (Exception e) when (e is DictionaryNotFoundException or DictionaryFormatException)
        {
            throw new InputException(e.Message);
        }
    }

    private static List<AlignedText> ToItems(DocumentAlignment doc)
    {
        var items = new List<AlignedText>();
        foreach (var p in doc.Pairs)
        {
            items.Add(new AlignedText(
                new IndexLink(Enumerable.Range(p.JapaneseIndex, p.Japanese.Count), Enumerable.Range(p.EnglishIndex, p.English.Count)),
                p.JapaneseText, p.EnglishText, p.Cost)
            {
                SourceRanges = Ranges(p.Japanese),
                TargetRanges = Ranges(p.English),
            });
        }
        // Unaligned text on the Japanese side first, then the English side and metadata, each in document order.
        var japaneseSide = new HashSet<Segment>(doc.Japanese.Segments);
        foreach (var s in doc.Unaligned)
        {
            var kind = s.Kind == SegmentKind.Furniture ? AlignedKind.Furniture : AlignedKind.Metadata;
            items.Add(AlignedText.Unaligned(kind, source: japaneseSide.Contains(s), s.Text, Ranges([s])));
        }
        return items;
    }

    private static List<(int, int)> Ranges(IEnumerable<Segment> segments) =>
        segments.SelectMany(s => s.Ranges).Select(r => (r.Start, r.Length)).ToList();
}
