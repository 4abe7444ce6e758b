using System.CommandLine;
using System.Diagnostics;
using Taiyaku.Alignment;
using Taiyaku.Cli.Jobs;
using Taiyaku.Formats;
using Taiyaku.Formats.Review;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;
using Taiyaku.Text;

namespace Taiyaku.Cli.Commands;

/// <summary><c>align</c>: aligns a Japanese text with its English translation and writes links, TSV, JSON, TMX, a review page or a path plot.</summary>
internal sealed class AlignCommand : CliCommand
{
    /// <summary>The columns of --format tsv, in order (the test checks them against the output).</summary>
    public static readonly string[] TsvColumns = ["Japanese text", "English text", "cost (lower is better)", "score"];

    public override string Name => "align";

    public override string Summary => "align a Japanese text with its English translation";

    public override string Usage => """
        taiyaku align --src FILE --tgt FILE [--segmented] [options]
        taiyaku align --bilingual FILE [options]
        """;

    public override string About => """
        Aligns the sentences of a Japanese text with those of its English translation.
        Output formats (--format):
          links  vecalign links, one per line, e.g. [0, 1]:[0]
          tsv    {N} tab-separated columns: {TSV}.
                 Page furniture, metadata and, with --min-score, the two sides of a low-scored link follow as rows
                 with one text, an empty cost and the kind (furniture, metadata, low-score) in the last column
          json   one indented JSON object, schema "taiyaku-alignment/2" (the record align-batch writes per line;
                 docs/schema/alignment.schema.json): languages, links with indices, texts, cost, score and
                 character offsets, and the unaligned text
          tmx    TMX 1.4b translation memory (xml:lang ja and en): links, cost and score as properties of
                 each unit, character offsets of each variant as x-offsets
          html   a review page, one self-contained file (no network): the path plot, both texts side by side with
                 each link's score, a score filter, search, keys (j/k), corrections (merge, split, move, no
                 counterpart, undo) and export of the corrected links and TMX
          svg    the alignment path (Japanese index across, English down), links coloured by score, sentences
                 without a counterpart marked on the margins
        """.Replace("{TSV}", string.Join(", ", TsvColumns), StringComparison.Ordinal)
         .Replace("{N}", TsvColumns.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public override string Notes => $"""
        Every sentence of both texts appears in exactly one link (a sentence with no counterpart is a link
        with an empty side, e.g. [5]:[]). Page furniture and metadata are never aligned; they appear in TSV
        rows with an empty cost, in JSON under "unaligned" and in TMX as single-variant units, after the links.
        A link's score is the probability that it is right (see the README's Accuracy section).
        Sentence indices of raw input refer to the segmenter's sentences (see 'taiyaku segment').

        Progress goes to stderr: on a terminal one live line with the stage (reading, analysing, aligning,
        writing) and the time so far; while aligning, a bar over the rows of each search of the aligner (one
        to a few: a coarse one for long texts, a wider band when the path came near its edge, the anchored
        passes, each named by its number) with the rate and the time it has left. Without a terminal the same
        as a plain line every {ProgressReporter.PlainPeriod.TotalSeconds:F0} s after the first {ProgressReporter.PlainPeriod.TotalSeconds:F0} s ({ProgressReporter.IntervalVariable}=SECONDS sets
        another period); --quiet: none.
        {Tool.ExitCodesNote}
        """;

    public override void AddOptions(Command command)
    {
        command.Options.Add(Opt.Text("src", "FILE", "source text (Japanese)"));
        command.Options.Add(Opt.Text("tgt", "FILE", "target text (English)"));
        command.Options.Add(Opt.Flag("segmented",
            "the files hold one sentence per line; line i is sentence i (0-based). Without it the files are raw documents: " +
            "paragraphs, wrapped lines and page stamps are handled, and sentences are found by the segmenter"));
        command.Options.Add(Opt.Text("bilingual", "FILE",
            "one raw document holding the Japanese original and its English translation: in blocks (e.g. an archive's record; " +
            "metadata set apart), alternating lines or paragraphs, or one pair per line (tab, \" / \", \" | \", two-column CSV). " +
            "The layout found goes to stderr; pairs the file makes itself are kept (no link crosses one)"));
        command.Options.Add(Opt.Text("format", "FORMAT", "output format (see above)", defaultValue: "links", choices: ["links", "tsv", "json", "tmx", "html", "svg"]));
        command.Options.Add(Opt.Text("out", "FILE", "write here instead of stdout (written whole or not at all; - is stdout)"));
        command.Options.Add(Opt.Number("min-score", "P",
            "links scored below P (the score as written, to 4 decimals) are written unpaired, each side on its own, marked " +
            "low-score (tsv, json, tmx); 0 keeps every link", 0, 1, 0));
        command.Options.Add(Opt.Flag("quiet", "no progress on stderr"));
        AlignerSetup.AddOptions(command);
        InputDecoding.AddOptions(command);
        command.Options.Add(Opt.Text("src-encoding", "NAME", "the encoding of --src, in place of --encoding (e.g. a UTF-16 Japanese file beside a UTF-8 English one)"));
        command.Options.Add(Opt.Text("tgt-encoding", "NAME", "the encoding of --tgt, in place of --encoding"));
    }

    public override Task<int> RunAsync(CommandLine cl, CliContext context) => Task.FromResult(Run(cl, context));

    private static int Run(CommandLine cl, CliContext context)
    {
        string? bilingual = cl.Get("bilingual");
        if (bilingual != null && (cl.Get("src") != null || cl.Get("tgt") != null || cl.Has("segmented") || cl.Get("src-encoding") != null || cl.Get("tgt-encoding") != null))
            throw new UsageException("--bilingual takes one document: give it without --src, --tgt, --segmented, --src-encoding and --tgt-encoding (use --encoding)");
        string formatName = cl.Value("format")!;
        bool review = formatName is "html" or "svg";
        var format = formatName switch
        {
            "tsv" => OutputFormat.Tsv,
            "json" => OutputFormat.Json,
            "tmx" => OutputFormat.Tmx,
            _ => OutputFormat.Links,
        };
        double minScore = cl.Value<double>("min-score");
        // 0, the default, keeps every link whatever the format.
        if (minScore > 0 && format == OutputFormat.Links)
            throw new UsageException("--min-score needs --format tsv, json or tmx (links have no place for unpaired sentences)");
        if (minScore > 0 && review)
            throw new UsageException($"--min-score needs --format tsv, json or tmx (the {formatName} output shows every link; the review page filters by score itself)");
        string? src = bilingual == null ? cl.Require("src") : null, tgt = bilingual == null ? cl.Require("tgt") : null;
        string? output = cl.Get("out");
        var ct = context.Cancellation;
        using var progress = ProgressReporter.Create(context, "taiyaku align", cl.Has("quiet"));
        // Messages and warnings erase the live line before they are written.
        if (progress != null) context = context with { StdErr = progress.Messages };
        var decoding = InputDecoding.FromCommandLine(cl, context.StdErr);
        var srcDecoding = cl.Get("src-encoding") is { } se ? decoding with { Options = decoding.Options with { Encoding = InputDecoding.ParseEncoding(se, "src-encoding") } } : decoding;
        var tgtDecoding = cl.Get("tgt-encoding") is { } te ? decoding with { Options = decoding.Options with { Encoding = InputDecoding.ParseEncoding(te, "tgt-encoding") } } : decoding;

        var clock = Stopwatch.StartNew();
        bool segmented = cl.Has("segmented");
        // Raw text needs ICU4N's English sentence breaks, whose first use takes about 0.1 s (ICU4N maps every ICU locale
        // to .NET's then): loaded on a pool thread while the dictionaries open. An error there is met again, and
        // reported, where the text is segmented.
        if (!segmented) _ = Task.Run(() => EnglishText.Sentences(string.Empty));
        progress?.Stage("loading the dictionary");
        using var setup = AlignerSetup.Create(cl, ct);
        var aligner = setup.Aligner;

        var job = new AlignmentJob(bilingual != null ? new JobInput.Bilingual(bilingual) : new JobInput.Files(src!, tgt!), segmented,
            bilingual != null ? decoding : srcDecoding, tgtDecoding) { KeepText = format != OutputFormat.Links || review };
        progress?.Stage(segmented ? "reading" : "reading, segmenting and aligning");
        var result = job.Run(aligner, ct, read: (ja, en) =>
        {
            Progress(context, ja + en, $"read {ja} + {en} sentences", clock);
        }, stage: what => progress?.Stage(what), progress: progress is null ? null : progress.Alignment);
        if (result.Layout is { } layout)
            context.StdErr.WriteLine($"taiyaku: {bilingual}: {Describe(layout)}" + (result.Pairings > 0 ? $", its {result.Pairings} pairs kept" : ""));
        if (!segmented) Progress(context, result.Sentences, $"aligned {result.Links} links", clock);
        ReportAnchors(context, aligner, result);
        var (sourceSentences, targetSentences) = (result.Japanese, result.English);
        progress?.Stage("writing");
        Action<Stream> write;
        if (review)
        {
            string title = bilingual != null ? Path.GetFileName(bilingual) : $"{Path.GetFileName(src)} + {Path.GetFileName(tgt)}";
            var reviewDoc = ReviewDocument.Create(title, result.Items, sourceSentences, targetSentences, name: Path.GetFileNameWithoutExtension(bilingual ?? src));
            write = formatName == "html" ? s => ReviewPage.Write(s, reviewDoc) : s => PathPlot.Write(s, reviewDoc);
        }
        else if (format == OutputFormat.Links) write = s => WriteLinks(s, result.Alignment);
        else write = s => AlignmentWriter.Write(s, minScore > 0 ? AlignedText.FilterByScore(result.Items, minScore) : result.Items, format);
        OutputFile.Write(output, context.StdOut, [src, tgt, bilingual, cl.Get("params"), cl.Get("model")], write);
        return ExitCodes.Ok;
    }

    /// <summary>Links written from the alignment itself: the same lines as <see cref="AlignmentWriter"/> writes, without
    /// first pairing each link with its text.</summary>
    private static void WriteLinks(Stream output, AlignmentResult alignment)
    {
        using var writer = new StreamWriter(output, TextFiles.StrictUtf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        VecalignLinks.Write(writer, alignment);
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

    /// <summary>A warning when lengths alone aligned a pair the anchors would have been used on; for a large one aligned
    /// with them, their projected memory.</summary>
    private static void ReportAnchors(CliContext context, DocumentAligner aligner, JobResult result)
    {
        if (result.LengthsOnlyWarning(aligner.Options.Anchors) is { } warning)
            context.StdErr.WriteLine("taiyaku: warning: " + warning);
        else if (result.Anchored && result.Sentences > 20_000)
            context.StdErr.WriteLine($"taiyaku: anchors projected to need about {InputLimits.Approximately(result.AnchorMemory)}, within {InputLimits.Describe(aligner.Options.Anchors.MemoryLimit)} (--anchor-memory)");
    }

    private static void Progress(CliContext context, int sentences, string what, Stopwatch clock)
    {
        if (sentences > 20_000) context.StdErr.WriteLine($"taiyaku: {what} in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
