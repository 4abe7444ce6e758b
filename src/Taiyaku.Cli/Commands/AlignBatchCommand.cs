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
internal sealed class AlignBatchCommand : ICommand
{
    public string Name => "align-batch";

    public string Summary => "align many document pairs from a JSON-lines manifest, in parallel";

    public string Help => $$"""
        Usage: taiyaku align-batch [--manifest FILE|-] [--out FILE] [--threads N] [options]

        Aligns many document pairs in parallel and writes one JSON line per pair, in manifest order.
        The manifest has one JSON object per line (blank lines are skipped):

          {"id": "doc1", "src": "a.ja", "tgt": "a.en"}           two files (paths relative to the manifest)
          {"id": "doc2", "ja": "日本語の文。", "en": "A sentence."}    the two texts inline
          {"id": "doc3", "bilingual": "record.txt"}              one raw document holding both
          {"id": "doc4", "src": "b.ja", "tgt": "b.en", "segmented": true}

        "id" (a string or a number) is copied to the output; without it the id is the manifest line number.
        "segmented": true means one sentence per line (line i is sentence i); otherwise the texts are raw
        documents, segmented as 'taiyaku align' does.

          --manifest FILE    the manifest (default, or '-': stdin, read as it arrives; relative paths are
                             then resolved against the current folder)
          --out FILE         write here instead of stdout (written whole or not at all)
          --threads N        pairs aligned at once (default: the number of processors)
          --segmented        "segmented" defaults to true for every line that does not say
        {{AlignerSetup.Help}}
        {{InputLimits.HelpLines}}
                             (also the longest manifest line)
          --progress N       a progress line on stderr every N pairs (default 1000)
          --quiet            no progress or summary on stderr
          -h, --help         show this help

        Output, one line per manifest line, in the same order:
          {"id":"doc1","links":[{"ja":[0,1],"en":[0],"cost":1.23,"ja_text":"…","en_text":"…"},…],"unaligned":[]}
        Raw input adds "ja_offsets"/"en_offsets" ([start, length] in UTF-16 units of the original text) and
        lists page furniture and metadata under "unaligned" ({"kind","lang","text","offsets"}).
        A pair that fails gives {"id":…,"line":N,"error":"message naming the file and line"} and the batch
        goes on; so does a malformed manifest line.

        Exit codes: 0 every pair aligned, 1 some pair failed (after the whole batch), the manifest cannot be
        read or the output cannot be written (a closed stdout stops the batch at once), 2 usage error,
        128 + signal when interrupted (130 SIGINT, 143 SIGTERM).
        """;

    private static readonly string[] Values = ["manifest", "out", "threads", "progress", .. AlignerSetup.ValueOptions, .. InputLimits.ValueOptions];
    private static readonly string[] Flags = ["segmented", "quiet"];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var cl = CommandLine.Parse(args, Values, Flags);
        int threads = Integer(cl, "threads", Environment.ProcessorCount, 1, 1024);
        int progressEvery = Integer(cl, "progress", 1000, 1, int.MaxValue);
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
        using var input = manifest == null ? null : OpenManifest(manifest);
        OutputFile.Write(cl.Get("out"), context.StdOut, [manifest, cl.Get("params")], stream =>
        {
            var output = new BufferedStream(stream, 1 << 16);   // not disposed: that would close stdout
            OrderedParallel.Run(
                ManifestLines.Read(new LimitedStream(input ?? context.StdIn, manifest ?? "<stdin>", limits, limitTotal: false), manifest ?? "<stdin>"),
                documents.Process,
                record =>
                {
                    if (record.Json.Length == 0) return;   // a blank manifest line
                    output.Write(record.Json);
                    written++;
                    if (record.Failed) failed++;
                    sentences += record.Sentences;
                    if (!quiet && written % progressEvery == 0)
                        context.StdErr.WriteLine($"taiyaku align-batch: {written} pairs ({failed} failed), {sentences} sentences, {clock.Elapsed.TotalSeconds:F1} s");
                },
                idle: output.Flush,   // a consumer reading a pipe sees each record as soon as the ones before it are done
                threads,
                window: 4 * threads,
                context.Cancellation);
            output.Flush();
        });
        if (!quiet && (failed > 0 || written >= progressEvery))
            context.StdErr.WriteLine($"taiyaku align-batch: {written} pairs, {failed} failed, {sentences} sentences in {clock.Elapsed.TotalSeconds:F1} s");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.InputError;
    }

    private static FileStream OpenManifest(string path)
    {
        try { return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (IOException e) { throw InputException.In(path, e.Message); }
        catch (UnauthorizedAccessException e) { throw InputException.In(path, e.Message); }
    }

    private static int Integer(CommandLine cl, string name, int fallback, int min, int max)
    {
        string? v = cl.Get(name);
        if (v == null) return fallback;
        if (!int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            throw new UsageException($"--{name} must be a whole number between {min} and {max} (got '{v}')");
        return n;
    }

}
