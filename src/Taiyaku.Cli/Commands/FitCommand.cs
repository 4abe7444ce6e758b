using Taiyaku.Evaluation;
using Taiyaku.Pipeline;

namespace Taiyaku.Cli.Commands;

/// <summary><c>fit</c>: fits the aligner's parameters on a folder of documents with gold alignments.</summary>
internal sealed class FitCommand : ICommand
{
    public string Name => "fit";

    public string Summary => "fit the aligner's parameters on documents with gold alignments";

    public string Help => """
        Usage: taiyaku fit --dir DIR --out FILE [options]

        Fits the aligner's parameters on a folder of NAME.ja / NAME.en / NAME.gold triples (one sentence per
        line; gold links in vecalign format, e.g. [0, 1]:[0]) and writes them as a JSON parameter file for
        'taiyaku align --params FILE':
          - s² of the length model: two estimates from the gold links (maximum likelihood and robust);
          - bead priors: the share of each bead type among the gold links (plus half a link each);
          - λ, the weight of lexical anchors: the value among 0, 0.125, 0.25, 0.5, 1, 2 with the best strict
            plus lax F1 on these documents;
          - ν, the evidence for leaving a sentence unaligned (the cost of each anchor item that a link leaves
            unmatched; with ν > 0 an unaligned sentence costs only its prior): among 0, 0.5, 1, 2, 3, 4 with the
            λ chosen and its neighbours. Gold with untranslated sentences ([]:[j] links) teaches it;
          - the confidence model: logistic regression of "the link is in the gold" on each link's cost and
            anchor coverage.
        Fit on one kind of document and check the result with 'taiyaku eval' on other documents of that kind.

          --dir DIR          folder of .ja/.en/.gold triples; several folders separated by ':' (';' on
                             Windows) fit one set of parameters for all of them
          --out FILE         the parameter file to write (written whole or not at all)
          --length MEASURE   bytes (default), chars or tokens: the measure to fit for
          --anchors LIST     all (default), none, or a list as in 'taiyaku align --help'
          --dicdir DIR       MeCab dictionary (default: the bundled IPADIC)
          --quiet            no progress on stderr
          -h, --help         show this help

        Gold links must hold every sentence of both sides exactly once ([i]:[] for a sentence without a
        counterpart); otherwise fit stops naming the gold file and line.
        Exit codes: 0 ok, 1 input or output error (the message names the file and line, or the output and
        the system's reason), 2 usage error, 128 + signal when interrupted.
        """;

    private static readonly string[] Values = ["dir", "out", "length", "anchors", "dicdir"];
    private static readonly string[] Flags = ["quiet"];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var cl = CommandLine.Parse(args, Values, Flags);
        string dir = cl.Require("dir");
        string output = cl.Require("out");
        var ct = context.Cancellation;
        // Several folders (separated like PATH) fit one set of parameters for several kinds of document.
        var folders = dir.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        if (folders.Length == 0) throw new UsageException("--dir names no folder");
        var documents = folders.SelectMany(d => GoldFolder.Read(d, ct)).ToList();
        using var setup = AlignerSetup.Create(cl, ct);
        var progress = cl.Has("quiet") ? null : new SyncProgress(line => context.StdErr.WriteLine($"taiyaku fit: {line}"));
        progress?.Report($"{documents.Count} documents, {documents.Sum(d => d.Japanese.Count)} + {documents.Sum(d => d.English.Count)} sentences");
        var result = ParameterFitter.Fit(documents, setup.Aligner, progress, ct);
        var p = result.Parameters;
        progress?.Report($"chosen: s²={p.Variance:F2} λ={p.AnchorWeight:G3}; wrote {output}");
        OutputFile.Write(output, context.StdOut, [.. folders.SelectMany(Directory.GetFiles)], s =>
        {
            using var w = new StreamWriter(s, Formats.TextFiles.StrictUtf8, 4096, leaveOpen: true) { NewLine = "\n" };
            w.Write(p.ToJson());
        });
        return ExitCodes.Ok;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
