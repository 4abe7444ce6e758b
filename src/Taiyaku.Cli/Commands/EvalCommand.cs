using System.CommandLine;
using Taiyaku.Evaluation;
using Taiyaku.Formats;

namespace Taiyaku.Cli.Commands;

/// <summary><c>eval</c>: scores test alignments against gold with vecalign's semantics.</summary>
internal sealed class EvalCommand : CliCommand
{
    public override string Name => "eval";

    public override string Summary => "score alignments against gold (strict and lax precision, recall, F1)";

    public override string Usage => """
        taiyaku eval --gold FILE --test FILE
        taiyaku eval --gold-dir DIR --test-dir DIR
        taiyaku eval --corpus DIR [--raw] [--report FILE] [align options]
        """;

    public override string About => """
        Scores test alignments against gold alignments, both in vecalign's link format ([0, 1]:[0] per line),
        with the semantics of vecalign's score.py: links empty on both sides are dropped; precision is over all
        test links; recall is judged after removing every link with an empty side; a lax hit shares a source
        and a target sentence with a gold link. With folders, every *.gold file of --gold-dir (every file, when
        there is none) is paired with the file of --test-dir that has the same name (or, failing that, the same
        name without its extension), and the counts are pooled over all pairs.
        """;

    public override string Notes => $"""
        Prints: strict_p=… strict_r=… strict_f1=… lax_p=… lax_r=… lax_f1=…
        Exit codes: 0 ok, 1 input or output error (the message names the file and line; gold links must hold
        every sentence exactly once), 2 usage error, 128 + signal when interrupted.
        """;

    public override void AddOptions(Command command)
    {
        command.Options.Add(Opt.Text("gold", "FILE", "gold links"));
        command.Options.Add(Opt.Text("test", "FILE", "links to score"));
        command.Options.Add(Opt.Text("gold-dir", "DIR", "folder of gold link files"));
        command.Options.Add(Opt.Text("test-dir", "DIR", "folder of test link files"));
        command.Options.Add(Opt.Text("corpus", "DIR",
            "a corpus folder of NAME.ja / NAME.en / NAME.gold triples (one sentence per line; the folder 'taiyaku fit --corpus' reads): " +
            "aligns each pair with the align options below, scores it, and also prints the reliability of the link scores (per score " +
            "bin: links, mean score, share in the gold) and the time spent aligning"));
        command.Options.Add(Opt.Flag("raw",
            "with --corpus: give the aligner each NAME.ja / NAME.en as a raw document (layout, page furniture and sentences found by " +
            "the segmenter) and score its links projected onto the files' lines (each line is a unit; a sentence belongs to the lines " +
            "it has characters on; links sharing a line merge); also prints how many lines were set apart as page furniture"));
        command.Options.Add(Opt.Text("report", "FILE",
            "with --corpus: also write an HTML report (one static file): per-document F1, a reliability diagram of the link scores " +
            "and the wrong links scored highest, with their text and the gold links of their sentences"));
        AlignerSetup.AddOptions(command);
    }

    public override Task<int> RunAsync(CommandLine cl, CliContext context) => Task.FromResult(Run(cl, context));

    private static int Run(CommandLine cl, CliContext context)
    {
        // --help is handled by Tool before the command runs.
        if (cl.Get("corpus") is { } corpus)
        {
            if (cl.Get("gold") != null || cl.Get("test") != null || cl.Get("gold-dir") != null || cl.Get("test-dir") != null)
                throw new UsageException("--corpus aligns and scores by itself: give it without --gold, --test, --gold-dir and --test-dir");
            return CorpusEval.Run(corpus, cl, context);
        }
        if (cl.Has("raw")) throw new UsageException("--raw goes with --corpus only");
        if (cl.Get("report") != null) throw new UsageException("--report goes with --corpus only");
        if (AlignerSetup.OptionNames.Any(cl.Given))
            throw new UsageException("align options go with --corpus only");
        bool files = cl.Get("gold") != null || cl.Get("test") != null;
        bool dirs = cl.Get("gold-dir") != null || cl.Get("test-dir") != null;
        if (files == dirs) throw new UsageException("give either --gold and --test, or --gold-dir and --test-dir");

        var pairs = files ? [(cl.Require("gold"), cl.Require("test"))] : PairFolders(cl.Require("gold-dir"), cl.Require("test-dir"));
        var total = default(ScoreCounts);
        foreach (var (gold, test) in pairs)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            total += AlignmentScorer.Count(InputFiles.ReadLinks(gold), InputFiles.ReadLinks(test));
        }
        if (dirs) context.StdErr.WriteLine($"taiyaku: scored {pairs.Count} document pairs");
        using var w = new StreamWriter(context.StdOut, TextFiles.StrictUtf8, 1024, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine(total.ToScore().ToString());
        return ExitCodes.Ok;
    }

    private static List<(string Gold, string Test)> PairFolders(string goldDir, string testDir)
    {
        foreach (var d in new[] { goldDir, testDir })
            if (!Directory.Exists(d)) throw InputException.In(d, "no such folder");
        var testFiles = Directory.GetFiles(testDir);
        var pairs = new List<(string, string)>();
        // A corpus folder holds .ja/.en files beside the gold: when there are .gold files, only they are gold.
        var goldFiles = Directory.GetFiles(goldDir, "*.gold");
        if (goldFiles.Length == 0) goldFiles = Directory.GetFiles(goldDir);
        foreach (var gold in goldFiles.Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(gold);
            string exact = Path.Combine(testDir, name);
            if (File.Exists(exact)) { pairs.Add((gold, exact)); continue; }
            string stem = Path.GetFileNameWithoutExtension(name);
            var same = testFiles.Where(t => Path.GetFileNameWithoutExtension(t) == stem).ToList();
            if (same.Count != 1)
                throw InputException.In(gold, same.Count == 0
                    ? $"no test file named {name} or {stem}.* in {testDir}"
                    : $"several test files named {stem}.* in {testDir}: {string.Join(", ", same.Select(Path.GetFileName))}");
            pairs.Add((gold, same[0]));
        }
        if (pairs.Count == 0) throw InputException.In(goldDir, "the folder holds no gold file");
        return pairs;
    }
}
