using System.CommandLine;
using Taiyaku.Evaluation;
using Taiyaku.Pipeline;

namespace Taiyaku.Cli.Commands;

/// <summary><c>fit</c>: fits the aligner's parameters on a folder of documents with gold alignments.</summary>
internal sealed class FitCommand : CliCommand
{
    private static string List(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public override string Name => "fit";

    public override string Summary => "fit the aligner's parameters on documents with gold alignments";

    public override string Usage => "taiyaku fit --corpus DIR[:DIR…] --out FILE [options]";

    public override string About => $"""
        Fits the aligner's parameters on a corpus folder of NAME.ja / NAME.en / NAME.gold triples (one sentence
        per line; gold links in vecalign format, e.g. [0, 1]:[0]; the folder 'taiyaku eval --corpus' reads) and
        writes them as a JSON parameter file for 'taiyaku align --params FILE':
          - s² of the length model: two estimates from the gold links (maximum likelihood and robust);
          - bead priors: the share of each bead type among the gold links (plus half a link each);
          - λ, the weight of lexical anchors: the value among {List(ParameterFitter.AnchorWeights)} with the best strict
            plus lax F1 on these documents;
          - ν, the evidence for leaving a sentence unaligned (the cost of each anchor item that a link leaves
            unmatched; with ν > 0 an unaligned sentence costs only its prior): among {List(ParameterFitter.UnmatchedItemCosts)} with the
            λ chosen and its neighbours. Gold with untranslated sentences ([]:[j] links) teaches it;
          - the cost of opening a run of untranslated sentences, ln(p_extend / p_open) from the gold's runs of
            one-sided links (with 20 runs or more), kept when one more trial with it scores better;
          - the confidence model: logistic regression of "the link is in the gold" on each link's cost and
            anchor coverage.
        Fit on one kind of document and check the result with 'taiyaku eval' on other documents of that kind.
        With --scores-only, only the confidence model of existing parameters (--params, or the built-in ones) is
        refitted, so that the link scores are calibrated for these documents; the alignments stay as they are.
        """;

    public override string Notes => $"""
        Gold links must hold every sentence of both sides exactly once ([i]:[] for a sentence without a
        counterpart); otherwise fit stops naming the gold file and line.
        Progress goes to stderr (trials done; a live bar on a terminal); --quiet: none.
        {Tool.ExitCodesNote}
        """;

    public override void AddOptions(Command command)
    {
        command.Options.Add(Opt.Text("corpus", "DIR",
            "folder of NAME.ja/.en/.gold triples; several folders separated by ':' (';' on Windows) fit one set of parameters for all of them",
            aliases: "--dir"));
        command.Options.Add(Opt.Text("out", "FILE", "the parameter file to write (written whole or not at all)", required: true));
        AlignerSetup.AddOptions(command, withParams: false);
        command.Options.Add(Opt.Flag("scores-only",
            "refit only the confidence model (the link scores) of --params or the built-in parameters; the alignments stay as they are"));
        command.Options.Add(Opt.Text("params", "FILE",
            "with --scores-only: the parameters whose link scores are refitted: a file written by 'taiyaku fit', 'complete' or " +
            "'partial' (default: the built-in ones; each of their two sets is refitted on the links it makes alone)"));
        command.Options.Add(Opt.Flag("quiet", "no progress on stderr"));
    }

    public override Task<int> RunAsync(CommandLine cl, CliContext context)
    {
        string dir = cl.Get("corpus") ?? throw new UsageException("option --corpus is required");
        string output = cl.Require("out");
        var ct = context.Cancellation;
        // Several folders (separated like PATH) fit one set of parameters for several kinds of document.
        var folders = dir.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        if (folders.Length == 0) throw new UsageException("--corpus names no folder");
        bool scoresOnly = cl.Has("scores-only");
        if (cl.Given("params") && !scoresOnly)
            throw new UsageException("--params is what --scores-only recalibrates: fit without --scores-only fits parameters of its own");
        var documents = folders.SelectMany(d => GoldFolder.Read(d, ct)).ToList();
        using var setup = AlignerSetup.Create(cl, ct);
        bool quiet = cl.Has("quiet");
        void Say(string line) { if (!quiet) context.StdErr.WriteLine($"taiyaku fit: {line}"); }
        Say($"{documents.Count} documents, {documents.Sum(d => d.Japanese.Count)} + {documents.Sum(d => d.English.Count)} sentences");
        if (scoresOnly)
        {
            var calibrated = ParameterFitter.FitConfidence(documents, setup.Aligner, ct);
            Say($"link scores refitted; wrote {output}");
            Write(calibrated);
            return Task.FromResult(ExitCodes.Ok);
        }
        FitResult result;
        using (var bar = context.StdErrIsTerminal ? ProgressReporter.Create(context, "taiyaku fit", quiet) : null)
        {
            // One report per trial: on a terminal they advance the bar (the trials' count is known only roughly: the
            // grid of λ for each s² estimate, then ν with the λ chosen and its neighbours, then perhaps the opening cost).
            bar?.Stage("trials", 2 * (ParameterFitter.AnchorWeights.Count + 3 * (ParameterFitter.UnmatchedItemCosts.Count - 1)) + 1, "trials");
            var progress = quiet ? null : new SyncProgress(trial => { if (bar != null) bar.Advance(); else Say(trial.ToString()); });
            result = ParameterFitter.Fit(documents, setup.Aligner, progress, ct);
        }
        var p = result.Parameters;
        string opening = p.DeletionOpenCost > 0 ? FormattableString.Invariant($" open={p.DeletionOpenCost:G3}") : "";
        Say($"chosen: s²={p.Variance:F2} λ={p.AnchorWeight:G3}{opening}; wrote {output}");
        Write(p);
        return Task.FromResult(ExitCodes.Ok);

        void Write(AlignmentParameters parameters)
        {
            // --params is an input too: a recalibrated file may not replace the one it came from.
            OutputFile.Write(output, context.StdOut, [.. folders.SelectMany(Directory.GetFiles), cl.Get("params")], s =>
            {
                using var w = new StreamWriter(s, Formats.TextFiles.StrictUtf8, 4096, leaveOpen: true) { NewLine = "\n" };
                w.Write(parameters.ToJson());
            });
        }
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SyncProgress(Action<FitTrial> report) : IProgress<FitTrial>
    {
        public void Report(FitTrial value) => report(value);
    }
}
