using System.Globalization;
using Taiyaku.Evaluation;
using Taiyaku.Formats;

namespace Taiyaku.Cli.Commands;

/// <summary><c>eval --corpus</c>: aligns a folder of triples in process and scores links and link scores.</summary>
internal static class CorpusEval
{
    public static int Run(string corpus, CommandLine cl, CliContext context)
    {
        var ct = context.Cancellation;
        if (cl.Get("report") is "-" or "") throw new UsageException("--report takes a file (the scores go to stdout)");
        var documents = GoldFolder.Read(corpus, ct);
        using var setup = AlignerSetup.Create(cl, ct);
        bool raw = cl.Has("raw");
        var e = raw ? CorpusEvaluator.EvaluateRaw(documents, setup.Aligner, ct) : CorpusEvaluator.Evaluate(documents, setup.Aligner, ct);
        using var w = new StreamWriter(context.StdOut, TextFiles.StrictUtf8, 1024, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine(e.Score.ToString());
        var inv = CultureInfo.InvariantCulture;
        int sentences = documents.Sum(d => d.Japanese.Count + d.English.Count);
        w.WriteLine(string.Create(inv, $"documents={documents.Count} sentences={sentences} links={e.Links} seconds={e.Elapsed.TotalSeconds:F2}"));
        if (raw) w.WriteLine(string.Create(inv, $"lines_set_apart={e.LinesSetApart}"));
        if (e.OneSidedGold > 0)
            w.WriteLine(string.Create(inv, $"one_sided_gold={e.OneSidedGold} one_sided_reproduced={e.OneSidedReproduced} share={(double)e.OneSidedReproduced / e.OneSidedGold:F4}"));
        if (e.Calibration.Count > 0)
        {
            w.WriteLine("score_bin\tlinks\tmean_score\tin_gold");
            foreach (var b in e.Calibration)
                w.WriteLine(string.Create(inv, $"{b.Low:F1}-{b.High:F1}\t{b.Count}\t{b.MeanScore:F3}\t{b.Accuracy:F3}"));
            w.WriteLine(string.Create(inv, $"expected_calibration_error={e.ExpectedCalibrationError:F4} auroc={e.Auroc:F4}"));
        }
        if (cl.Get("report") is { } report)
        {
            // The corpus's own files are inputs too: a report never replaces one of them.
            var inputs = documents.SelectMany(d => new[] { ".ja", ".en", ".gold" }.Select(x => Path.Combine(corpus, d.Name + x))).Append(corpus).Append(cl.Get("params")).Append(cl.Get("model"));
            OutputFile.Write(report, context.StdOut, inputs, s => EvalReport.Write(s, corpus, documents, e));
        }
        return ExitCodes.Ok;
    }
}
