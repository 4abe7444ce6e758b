using System.CommandLine;
using System.Diagnostics;
using Taiyaku.Cli.Batch;
using Taiyaku.Pipeline;

namespace Taiyaku.Cli.Commands;

/// <summary>
/// <c>learn</c>: learns the second pass's translation model once over a whole batch (or one shard of it), or merges
/// the files of shards, so that <c>align --model</c> and <c>align-batch --model</c> use one corpus-level model.
/// </summary>
internal sealed class LearnCommand : CliCommand
{
    public override string Name => "learn";

    public override string Summary => "learn a translation model over a whole batch (or merge the models of shards)";

    public override string Usage => """
        taiyaku learn --manifest FILE [--shard K/N] --out FILE [options]
        taiyaku learn --merge FILE FILE… --out FILE
        """;

    public override string About => """
        Learns the word translation model of the second pass (IBM Model 1 on the confident 1-1 links of a
        first pass with lengths and anchors) once over every pair of an align-batch manifest (same format, see
        'taiyaku align-batch --help'), instead of once per document: give the file to 'align --model' or
        'align-batch --model'. The aligner options must be those the alignment will use: the file records
        them, and align, align-batch and eval refuse a model learned with others (as 'learn --merge' refuses
        files learned with different options).
        The file holds what the model is learned from (the confident links as word bags), not only the model,
        so that shards learned apart merge exactly: 'learn --merge' of the shards' files writes the same bytes
        as 'learn' over the whole manifest. Format: a header (TAIYAKU-TM, format version, length, SHA-256),
        then the data (with the aligner options it was learned with); a file of another kind or version,
        truncated or damaged, is refused naming it.
        """;

    public override string Notes => $"""
        Any bad manifest line or pair stops learn (exit 1) naming the manifest line or the file, and nothing
        is written: a model is learned from the whole batch or not at all.
        Progress goes to stderr (a line every --progress pairs and a summary; --quiet: none).
        {Tool.ExitCodesNote}
        """;

    public override void AddOptions(Command command)
    {
        command.Options.Add(Opt.Text("manifest", "FILE", "the align-batch manifest to learn from (relative paths are resolved against its folder)"));
        var merge = new Option<string[]>("--merge")
        {
            HelpName = "FILE…",
            Description = "merge model files written by 'learn' (e.g. one per shard) instead of reading a manifest",
            AllowMultipleArgumentsPerToken = true,
        };
        command.Options.Add(merge);
        command.Options.Add(Opt.Text("out", "FILE", "the model file to write (written whole or not at all)", required: true));
        command.Options.Add(Opt.Text("shard", "K/N", Shard.Help));
        command.Options.Add(Opt.Integer("threads", "N", "pairs read at once (default: the number of processors)", 1, 1024));
        command.Options.Add(Opt.Flag("segmented", "\"segmented\" defaults to true for every line that does not say"));
        AlignerSetup.AddOptions(command, withModel: false);
        InputLimits.AddOptions(command, lineNote: " (also the longest manifest line)");
        command.Options.Add(Opt.Integer("progress", "N", "a progress line on stderr every N pairs", 1, int.MaxValue, 1000));
        command.Options.Add(Opt.Flag("quiet", "no progress or summary on stderr"));
    }

    public override async Task<int> RunAsync(CommandLine cl, CliContext context)
    {
        string output = cl.Require("out");
        if (output == "-") throw new UsageException("--out takes a file: a model is binary");
        bool quiet = cl.Has("quiet");
        var clock = Stopwatch.StartNew();
        var merge = cl.Given("merge") ? cl.Value<string[]>("merge") ?? [] : null;
        string? manifest = cl.Get("manifest");
        if ((merge != null) == (manifest != null)) throw new UsageException("give either --manifest FILE or --merge FILE…");
        TranslationStatistics result;
        if (merge != null)
        {
            if (merge.Length == 0) throw new UsageException("--merge needs at least one model file");
            if (AlignerSetup.OptionNames.Any(cl.Given) || cl.Given("shard") || cl.Given("segmented"))
                throw new UsageException("--merge takes model files only: the aligner options, --shard and --segmented go with --manifest");
            result = TranslationStatistics.Merge(ModelFile.ReadAll(merge));
            ModelFile.Write(output, context.StdOut, merge, result);
            if (!quiet)
                context.StdErr.WriteLine($"taiyaku learn: merged {merge.Length} files: {result.Documents} documents, {result.SentencePairs} sentence pairs, {result.Model.Count} words with translations in {clock.Elapsed.TotalSeconds:F1} s");
            return ExitCodes.Ok;
        }

        if (manifest == "-") throw new UsageException("--manifest takes a file (relative paths are resolved against its folder)");
        if (!File.Exists(manifest!))
            throw InputException.In(manifest!, Directory.Exists(manifest) ? "is a folder, not a file" : "no such file");
        var shard = Shard.Parse(cl.Get("shard"));
        int threads = cl.Given("threads") ? cl.Value<int>("threads") : Environment.ProcessorCount;
        int progressEvery = cl.Value<int>("progress");
        var limits = InputLimits.FromCommandLine(cl);
        using var setup = AlignerSetup.Create(cl, context.Cancellation);
        if (!setup.Aligner.Options.Anchors.Any)
            throw new UsageException("learn needs anchors (the first pass finds the confident links with them): give --anchors all or a list");
        var documents = new BatchDocuments(setup.Aligner, manifest!, Path.GetDirectoryName(manifest) ?? "", cl.Has("segmented"), limits, output);
        var parts = new List<TranslationStatistics>();
        using (var input = AlignBatchCommand.OpenManifest(manifest!))
        {
            await OrderedParallel.RunAsync(
                ManifestLines.Read(new LimitedStream(input, manifest!, limits, limitTotal: false), manifest!).Where(l => shard.Takes(l.Number)),
                documents.Collect,
                part =>
                {
                    if (part.Documents == 0) return;   // a blank line
                    parts.Add(part);
                    if (!quiet && parts.Count % progressEvery == 0)
                        context.StdErr.WriteLine($"taiyaku learn: {parts.Count} pairs, {clock.Elapsed.TotalSeconds:F1} s");
                },
                idle: null, threads, window: 4 * threads, context.Cancellation).ConfigureAwait(false);
        }
        result = TranslationStatistics.Merge(parts);
        ModelFile.Write(output, context.StdOut, [manifest, cl.Get("params")], result);
        if (!quiet)
            context.StdErr.WriteLine($"taiyaku learn: {result.Documents} documents, {result.SentencePairs} sentence pairs, {result.Model.Count} words with translations in {clock.Elapsed.TotalSeconds:F1} s");
        return ExitCodes.Ok;
    }
}
