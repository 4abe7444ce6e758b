using System.CommandLine;
using System.Diagnostics;
using Taiyaku.Alignment;
using Taiyaku.Cli.Batch;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;

namespace Taiyaku.Cli.Commands;

/// <summary>
/// <c>align-batch</c>: aligns many document pairs listed in a JSON-lines manifest, in parallel with one shared
/// aligner, and streams one JSON record per pair in manifest order.
/// </summary>
internal sealed class AlignBatchCommand : CliCommand
{
    public override string Name => "align-batch";

    public override string Summary => "align many document pairs from a JSON-lines manifest, in parallel";

    public override string Usage => "taiyaku align-batch [--manifest FILE|-] [--out FILE] [--shard K/N] [--threads N] [options]";

    public override string About => """
        Aligns many document pairs in parallel and writes one JSON line per pair, in manifest order.
        The manifest has one JSON object per line (blank lines are skipped):

          {"id": "doc1", "src": "a.ja", "tgt": "a.en"}           two files (paths relative to the manifest)
          {"id": "doc2", "ja": "日本語の文。", "en": "A sentence."}    the two texts inline
          {"id": "doc3", "bilingual": "record.txt"}              one raw document holding both
          {"id": "doc4", "src": "b.ja", "tgt": "b.en", "segmented": true}

        "id" (a string or a number) is copied to the output; without it the id is the manifest line number.
        "segmented": true means one sentence per line (line i is sentence i); otherwise the texts are raw
        documents, segmented as 'taiyaku align' does.
        """;

    public override string Notes => $$"""
        Output, one line per manifest line, in the same order: the JSON record of 'taiyaku align --format json'
        (schema "taiyaku-alignment/2", docs/schema/alignment.schema.json) on one line, with the pair's id:
          {"schema":"taiyaku-alignment/2","id":"doc1","sourceLanguage":"ja","targetLanguage":"en",
           "links":[{"source":[0,1],"target":[0],"sourceText":"…","targetText":"…","cost":1.23,"score":0.98},…],
           "unaligned":[]}
        Raw input adds "sourceOffsets"/"targetOffsets" ([start, length] in UTF-16 units of the original text)
        and lists page furniture and metadata under "unaligned" ({"kind","side","language","text","offsets"}).
        With --shard K/N only the lines of that shard are read and written (a shard's --out is replaced whole
        when its task runs again); putting the shards' lines back in manifest order gives the output of the
        whole manifest (scripts/slurm/gather.sh does).
        A pair that fails gives {"schema":…,"id":…,"line":N,"error":"message naming the file and line"} and
        the batch goes on; so does a malformed manifest line.

        Progress goes to stderr: a live bar on a terminal (pairs done, rate, time left when the manifest is a
        file), else a line every --progress pairs (--quiet: none, and no summary).
        Exit codes: 0 every pair aligned, 1 some pair failed (after the whole batch), the manifest cannot be
        read or the output cannot be written (a closed stdout stops the batch at once), 2 usage error,
        128 + signal when interrupted (130 SIGINT, 143 SIGTERM, 129 SIGHUP).
        """;

    public override void AddOptions(Command command)
    {
        command.Options.Add(Opt.Text("manifest", "FILE", "the manifest (default, or '-': stdin, read as it arrives; relative paths are then resolved against the current folder)"));
        command.Options.Add(Opt.Text("out", "FILE", "write here instead of stdout (written whole or not at all)"));
        command.Options.Add(Opt.Text("shard", "K/N", Shard.Help));
        command.Options.Add(Opt.Integer("threads", "N", "pairs aligned at once (default: the number of processors)", 1, 1024));
        command.Options.Add(Opt.Flag("segmented", "\"segmented\" defaults to true for every line that does not say"));
        AlignerSetup.AddOptions(command);
        InputLimits.AddOptions(command, lineNote: " (also the longest manifest line)");
        command.Options.Add(Opt.Integer("progress", "N", "without a terminal: a progress line on stderr every N pairs", 1, int.MaxValue, 1000));
        command.Options.Add(Opt.Flag("quiet", "no progress or summary on stderr"));
    }

    public override async Task<int> RunAsync(CommandLine cl, CliContext context)
    {
        int threads = cl.Given("threads") ? cl.Value<int>("threads") : Environment.ProcessorCount;
        int progressEvery = cl.Value<int>("progress");
        var shard = Shard.Parse(cl.Get("shard"));
        bool quiet = cl.Has("quiet");
        string? manifest = cl.Get("manifest");
        if (manifest == "-") manifest = null;
        if (manifest != null && !File.Exists(manifest))
            throw InputException.In(manifest, Directory.Exists(manifest) ? "is a folder, not a file" : "no such file");

        var limits = InputLimits.FromCommandLine(cl);
        using var setup = AlignerSetup.Create(cl, context.Cancellation);
        var aligner = setup.Aligner;   // one for all threads: immutable and thread-safe
        var documents = new BatchDocuments(
            aligner,
            manifestName: manifest ?? "<stdin>",
            baseDirectory: manifest == null ? "" : Path.GetDirectoryName(manifest) ?? "",
            segmentedByDefault: cl.Has("segmented"),
            limits,
            output: cl.Get("out"));

        int written = 0, failed = 0;
        long sentences = 0;
        var clock = Stopwatch.StartNew();
        // A live bar on a terminal; plain lines every --progress pairs otherwise (a log wants counts, not a clock).
        using var live = context.StdErrIsTerminal ? ProgressReporter.Create(context, "taiyaku align-batch", quiet) : null;
        live?.Stage("aligning", manifest == null ? 0 : (CountLines(manifest) + shard.Count - 1 - shard.Index) / shard.Count, "pairs");
        using var input = manifest == null ? null : OpenManifest(manifest);
        await OutputFile.WriteAsync(cl.Get("out"), context.StdOut, [manifest, cl.Get("params"), cl.Get("model")], async stream =>
        {
            var output = new BufferedStream(stream, 1 << 16);   // not disposed: that would close stdout
            await OrderedParallel.RunAsync(
                ManifestLines.Read(new LimitedStream(input ?? context.StdIn, manifest ?? "<stdin>", limits, limitTotal: false), manifest ?? "<stdin>").Where(l => shard.Takes(l.Number)),
                documents.Process,
                record =>
                {
                    live?.Advance();
                    if (record.Json.Length == 0) return;   // a blank manifest line
                    output.Write(record.Json);
                    if (record.Warning != null) (live?.Messages ?? context.StdErr).WriteLine("taiyaku align-batch: warning: " + record.Warning);
                    written++;
                    if (record.Failed) failed++;
                    sentences += record.Sentences;
                    if (!quiet && live == null && written % progressEvery == 0)
                        context.StdErr.WriteLine($"taiyaku align-batch: {written} pairs ({failed} failed), {sentences} sentences, {clock.Elapsed.TotalSeconds:F1} s");
                },
                idle: output.Flush,   // a consumer reading a pipe sees each record as soon as the ones before it are done
                threads,
                window: 4 * threads,
                context.Cancellation).ConfigureAwait(false);
            output.Flush();
        }).ConfigureAwait(false);
        live?.Dispose();
        if (!quiet && (failed > 0 || written >= progressEvery || live != null))
            context.StdErr.WriteLine($"taiyaku align-batch: {written} pairs, {failed} failed, {sentences} sentences in {clock.Elapsed.TotalSeconds:F1} s");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.InputError;
    }

    /// <summary>The manifest's lines, for the time left (a FIFO or device is not counted: it would be consumed).</summary>
    internal static long CountLines(string path)
    {
        try
        {
            if (FileStatus.Of(path).Kind != FileKind.Regular) return 0;
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var buffer = new byte[1 << 16];
            long lines = 0;
            int n;
            bool last = true;
            while ((n = fs.Read(buffer)) > 0)
            {
                lines += buffer.AsSpan(0, n).Count((byte)'\n');
                last = buffer[n - 1] == (byte)'\n';
            }
            return lines + (last ? 0 : 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }

    internal static FileStream OpenManifest(string path)
    {
        try { return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (IOException e) { throw InputException.In(path, e.Message); }
        catch (UnauthorizedAccessException e) { throw InputException.In(path, e.Message); }
    }
}
