using System.Diagnostics;
using Taiyaku.Alignment;
using Taiyaku.Formats;
using Taiyaku.Formats.Review;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;
using Taiyaku.Text;

namespace Taiyaku.Cli.Commands;

/// <summary><c>align</c>: aligns a Japanese text with its English translation and writes links, TSV, JSON, TMX, a review page or a path plot.</summary>
internal sealed class AlignCommand : ICommand
{
    public string Name => "align";

    public string Summary => "align a Japanese text with its English translation";

    public string Help => $"""
        Usage: taiyaku align --src FILE --tgt FILE [--segmented] [options]
               taiyaku align --bilingual FILE [options]

        Aligns the sentences of a Japanese text with those of its English translation.

          --src FILE         source text (Japanese)
          --tgt FILE         target text (English)
          --segmented        the files hold one sentence per line; line i is sentence i (0-based).
                             Without it the files are raw documents: paragraphs, wrapped lines and page
                             stamps are handled, and sentences are found by the segmenter.
          --bilingual FILE   one raw document holding the Japanese original and its English translation:
                             in blocks (e.g. an archive's record; metadata set apart), alternating lines or
                             paragraphs, or one pair per line (tab, " / ", " | ", two-column CSV). The
                             layout found goes to stderr; pairs the file makes itself are kept (no link
                             crosses one)
          --format FORMAT    links (default): vecalign links, e.g. [0, 1]:[0]
                             tsv: Japanese text, English text, cost (tab-separated)
                             json: links with indices, texts, costs and character offsets
                             tmx: TMX 1.4b translation memory (xml:lang ja and en)
                             html: a review page, one self-contained file (no network): the path plot,
                             both texts side by side with each link's score, a score filter, search,
                             keys (j/k), corrections (merge, split, move, no counterpart, undo) and
                             export of the corrected links and TMX
                             svg: the alignment path (Japanese index across, English down), links
                             coloured by score, sentences without a counterpart marked on the margins
          --out FILE         write here instead of stdout (written whole or not at all)
          --min-score P      links scored below P (0..1; the score as written, to 4 decimals) are written
                             unpaired, each side on its own, marked low-score (TSV, JSON, TMX); default 0:
                             keep every link
          --quiet            no progress lines on stderr
        {AlignerSetup.Help}
        {InputDecoding.HelpLines}
          --src-encoding NAME, --tgt-encoding NAME
                             the encoding of one input, in place of --encoding (e.g. a UTF-16 Japanese file
                             beside a UTF-8 English one)
          -h, --help         show this help

        Every sentence of both texts appears in exactly one link (a sentence with no counterpart is a link
        with an empty side, e.g. [5]:[]). Page furniture and metadata are never aligned; they appear in TSV
        rows with an empty cost, in JSON under "unaligned" and in TMX as single-variant units, after the links.
        A link's score is the probability that it is right (see the README's Accuracy section).
        Sentence indices of raw input refer to the segmenter's sentences (see 'taiyaku segment').

        Progress: after 15 s, a line on stderr every 15 s saying what is being done (--quiet: none).
        Exit codes: 0 ok, 1 input or output error (the message names the file and line, or the output and
        the system's reason; a closed stdout too), 2 usage error, 128 + signal when interrupted (130 SIGINT,
        143 SIGTERM, 129 SIGHUP; the output file is then left as it was).
        """;

    private static readonly string[] Values = ["src", "tgt", "bilingual", "format", "out", "min-score", "src-encoding", "tgt-encoding", .. AlignerSetup.ValueOptions, .. InputDecoding.ValueOptions];
    private static readonly string[] Flags = ["segmented", "quiet", .. InputDecoding.Flags];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var cl = CommandLine.Parse(args, Values, Flags);
        string? bilingual = cl.Get("bilingual");
        if (bilingual != null && (cl.Get("src") != null || cl.Get("tgt") != null || cl.Has("segmented") || cl.Get("src-encoding") != null || cl.Get("tgt-encoding") != null))
            throw new UsageException("--bilingual takes one document: give it without --src, --tgt, --segmented, --src-encoding and --tgt-encoding (use --encoding)");
        string formatName = cl.Choice("format", "links", "links", "tsv", "json", "tmx", "html", "svg");
        bool review = formatName is "html" or "svg";
        var format = formatName switch
        {
            "tsv" => OutputFormat.Tsv,
            "json" => OutputFormat.Json,
            "tmx" => OutputFormat.Tmx,
            _ => OutputFormat.Links,
        };
        double minScore = cl.Number("min-score", 0, 0, 1);
        if (cl.Get("min-score") != null && format == OutputFormat.Links)
            throw new UsageException("--min-score needs --format tsv, json or tmx (links have no place for unpaired sentences)");
        if (cl.Get("min-score") != null && review)
            throw new UsageException($"--min-score needs --format tsv, json or tmx (the {formatName} output shows every link; the review page filters by score itself)");
        string? src = bilingual == null ? cl.Require("src") : null, tgt = bilingual == null ? cl.Require("tgt") : null;
        string? output = cl.Get("out");
        var ct = context.Cancellation;
        var decoding = InputDecoding.FromCommandLine(cl, context.StdErr);
        var srcDecoding = cl.Get("src-encoding") is { } se ? decoding with { Options = decoding.Options with { Encoding = InputDecoding.ParseEncoding(se, "src-encoding") } } : decoding;
        var tgtDecoding = cl.Get("tgt-encoding") is { } te ? decoding with { Options = decoding.Options with { Encoding = InputDecoding.ParseEncoding(te, "tgt-encoding") } } : decoding;

        var clock = Stopwatch.StartNew();
        using var ticker = cl.Has("quiet") ? null : new ProgressTicker(context.StdErr, "taiyaku align", clock);
        if (ticker != null) ticker.Stage = "loading the dictionary";
        using var setup = AlignerSetup.Create(cl, ct);
        var aligner = setup.Aligner;

        IReadOnlyList<AlignedText> items;
        IReadOnlyList<string> sourceSentences, targetSentences;
        if (cl.Has("segmented"))
        {
            if (ticker != null) ticker.Stage = "reading";
            var ja = InputFiles.ReadSentences(src!, ct, srcDecoding);
            var en = InputFiles.ReadSentences(tgt!, ct, tgtDecoding);
            Progress(context, ja.Count + en.Count, $"read {ja.Count} + {en.Count} sentences", clock);
            WarnIfLengthOnly(context, aligner, ja.Count, en.Count);
            if (ticker != null) ticker.Stage = $"aligning {ja.Count} + {en.Count} sentences";
            var result = aligner.AlignSentences(ja, en, ct);
            items = AlignedText.Create(result, ja, en, sourceJoiner: "", targetJoiner: " ");
            (sourceSentences, targetSentences) = (ja, en);
        }
        else
        {
            DocumentAlignment doc;
            if (ticker != null) ticker.Stage = "reading, segmenting and aligning";
            if (bilingual != null)
            {
                doc = aligner.AlignBilingual(InputFiles.ReadDocument(bilingual, ct, decoding), ct);
                if (doc.Japanese.Sentences.Count == 0) throw InputException.In(bilingual, "no Japanese text found");
                if (doc.English.Sentences.Count == 0) throw InputException.In(bilingual, "no English text found");
                context.StdErr.WriteLine($"taiyaku: {bilingual}: {Describe(doc.BilingualLayout!.Value)}"
                    + (doc.Pairings.Count > 0 ? $", its {doc.Pairings.Count} pairs kept" : ""));
            }
            else
            {
                doc = aligner.Align(InputFiles.ReadDocument(src!, ct, srcDecoding), InputFiles.ReadDocument(tgt!, ct, tgtDecoding), ct);
                if (doc.Japanese.Sentences.Count == 0) throw InputException.In(src!, "no sentence found");
                if (doc.English.Sentences.Count == 0) throw InputException.In(tgt!, "no sentence found");
            }
            Progress(context, doc.Japanese.Sentences.Count + doc.English.Sentences.Count, $"aligned {doc.Pairs.Count} links", clock);
            WarnIfLengthOnly(context, aligner, doc.Japanese.Sentences.Count, doc.English.Sentences.Count);
            items = ToItems(doc);
            sourceSentences = doc.Japanese.Sentences.Select(s => s.Text).ToArray();
            targetSentences = doc.English.Sentences.Select(s => s.Text).ToArray();
        }
        if (minScore > 0) items = AlignedText.FilterByScore(items, minScore);
        if (ticker != null) ticker.Stage = "writing";
        Action<Stream> write = s => AlignmentWriters.Write(s, items, format);
        if (review)
        {
            string title = bilingual != null ? Path.GetFileName(bilingual) : $"{Path.GetFileName(src)} + {Path.GetFileName(tgt)}";
            var reviewDoc = ReviewDocument.Create(title, items, sourceSentences, targetSentences, name: Path.GetFileNameWithoutExtension(bilingual ?? src));
            write = formatName == "html" ? s => ReviewPage.Write(s, reviewDoc) : s => PathPlot.Write(s, reviewDoc);
        }
        OutputFile.Write(output, context.StdOut, [src, tgt, bilingual, cl.Get("params")], write);
        return ExitCodes.Ok;
    }

    private static string Describe(BilingualLayout layout) => layout switch
    {
        BilingualLayout.EnglishThenJapanese => "English, then Japanese",
        BilingualLayout.AlternatingLines => "alternating Japanese and English lines",
        BilingualLayout.AlternatingParagraphs => "alternating Japanese and English paragraphs",
        BilingualLayout.TabSeparated => "one pair per line, tab-separated",
        BilingualLayout.SlashSeparated => "one pair per line, separated by ' / '",
        BilingualLayout.BarSeparated => "one pair per line, separated by ' | '",
        BilingualLayout.Csv => "two-column CSV",
        _ => "Japanese, then English",
    };

    private static void WarnIfLengthOnly(CliContext context, DocumentAligner aligner, int ja, int en)
    {
        if (aligner.Options.Anchors.Any && !aligner.UsesAnchors(ja, en))
            context.StdErr.WriteLine($"taiyaku: warning: {ja} + {en} sentences is more than {aligner.Options.Anchors.MaxSentences:N0} a side: aligned by length alone (anchors would need too much memory)");
    }

    private static void Progress(CliContext context, int sentences, string what, Stopwatch clock)
    {
        if (sentences > 20_000) context.StdErr.WriteLine($"taiyaku: {what} in {clock.Elapsed.TotalSeconds:F1} s");
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
                Score = p.Score,
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
