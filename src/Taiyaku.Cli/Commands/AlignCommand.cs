using System.Diagnostics;
using Taiyaku.Alignment;
using Taiyaku.Formats;

namespace Taiyaku.Cli.Commands;

/// <summary><c>align</c>: aligns two files of sentences and writes links, TSV, JSON or TMX.</summary>
internal sealed class AlignCommand : ICommand
{
    public string Name => "align";

    public string Summary => "align a Japanese file with its English translation";

    public string Help => """
        Usage: taiyaku align --src FILE --tgt FILE --segmented [options]

        Aligns the sentences of --src (Japanese) with those of --tgt (English).

          --src FILE         source text (Japanese), UTF-8
          --tgt FILE         target text (English), UTF-8
          --segmented        the files hold one sentence per line; line i is sentence i (0-based)
          --format FORMAT    links (default): vecalign links, e.g. [0, 1]:[0]
                             tsv: source text, target text, cost (tab-separated)
                             json: links with indices, texts and costs
                             tmx: TMX 1.4b translation memory (xml:lang ja and en)
          --out FILE         write here instead of stdout (written whole or not at all)
          --beads SET        standard (default): 1-1, 1-0, 0-1, 2-1, 1-2, 2-2
                             extended: also 1-3, 3-1, 3-2, 2-3, 3-3
          -h, --help         show this help

        Sentence lengths are counted in characters; the length ratio between the two languages is
        estimated from the two files. Every sentence of both files appears in exactly one link
        (a sentence with no counterpart is a link with an empty side, e.g. [5]:[]).

        Exit codes: 0 ok, 1 input error (the message names the file and line), 2 usage error.
        """;

    private static readonly string[] Values = ["src", "tgt", "format", "out", "beads"];
    private static readonly string[] Flags = ["segmented"];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var cl = CommandLine.Parse(args, Values, Flags);
        // --help is handled by Tool before the command runs.
        string src = cl.Require("src"), tgt = cl.Require("tgt");
        if (!cl.Has("segmented"))
            throw new UsageException("only pre-segmented input is supported so far: give --segmented (one sentence per line)");
        var format = cl.Choice("format", "links", "links", "tsv", "json", "tmx") switch
        {
            "tsv" => OutputFormat.Tsv,
            "json" => OutputFormat.Json,
            "tmx" => OutputFormat.Tmx,
            _ => OutputFormat.Links,
        };
        var beads = cl.Choice("beads", "standard", "standard", "extended") == "extended" ? Bead.Extended : Bead.Standard;
        string? output = cl.Get("out");

        var clock = Stopwatch.StartNew();
        var ja = InputFiles.ReadSentences(src, context.Cancellation);
        var en = InputFiles.ReadSentences(tgt, context.Cancellation);
        bool large = ja.Count + en.Count > 20_000;
        if (large) context.StdErr.WriteLine($"taiyaku: read {ja.Count} + {en.Count} sentences in {clock.Elapsed.TotalSeconds:F1} s; aligning");

        var aligner = new GaleChurchAligner(GaleChurchOptions.Default with { Beads = beads });
        var result = aligner.Align(SentenceLengths.Characters(ja), SentenceLengths.Characters(en), context.Cancellation);
        if (large) context.StdErr.WriteLine($"taiyaku: {result.Links.Count} links in {clock.Elapsed.TotalSeconds:F1} s; writing");

        var items = AlignedText.Create(result, ja, en, sourceJoiner: "", targetJoiner: " ");
        OutputFile.Write(output, context.StdOut, s => AlignmentWriters.Write(s, items, format));
        return ExitCodes.Ok;
    }
}

/// <summary>Sentence lengths for the length-based aligner.</summary>
internal static class SentenceLengths
{
    /// <summary>Unicode scalar values per sentence, so a character outside the BMP counts once.</summary>
    public static int[] Characters(IReadOnlyList<string> sentences)
    {
        var lengths = new int[sentences.Count];
        for (int i = 0; i < lengths.Length; i++)
        {
            string s = sentences[i];
            int n = s.Length;
            foreach (char c in s) if (char.IsLowSurrogate(c)) n--;
            lengths[i] = n;
        }
        return lengths;
    }
}
