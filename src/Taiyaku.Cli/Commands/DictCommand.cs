using System.CommandLine;
using Taiyaku.Japanese.Dictionary;
using Taiyaku.Japanese.Ipadic;

namespace Taiyaku.Cli.Commands;

/// <summary>
/// <c>dict</c>: compiles a user dictionary CSV, as <c>mecab-dict-index -u</c> does, or a system dictionary from its
/// sources, as <c>mecab-dict-index -d SRC -o OUT</c> does.
/// </summary>
internal sealed class DictCommand : CliCommand
{
    public override string Name => "dict";

    public override string Summary => "compile a user dictionary (names, places) or a system dictionary, like mecab-dict-index";

    public override string Usage => """
        taiyaku dict --user CSV --out FILE [--dicdir DIR] [--from-charset NAME]
        taiyaku dict --system SRC_DIR --out OUT_DIR [--from-charset NAME] [--charset NAME]
                     [--files LIST] [--with-defs]
        """;

    public override string About => """
        --user compiles a user dictionary from a MeCab CSV lexicon, one word per line:
          surface,left_id,right_id,cost,pos,pos1,pos2,pos3,ctype,cform,base,reading,pronunciation
        (ids may be left empty or negative to be chosen from the part of speech, as mecab-dict-index -u does).
        --out - writes it to stdout. The result is readable by 'taiyaku tokenize --userdic FILE' and by real
        mecab (mecab -u FILE).

        --system compiles a system dictionary, as 'mecab-dict-index -d SRC_DIR -o OUT_DIR -f NAME -c NAME' does:
        from the *.csv lexicons, matrix.def, char.def, unk.def, dicrc (and pos-id.def, rewrite.def, left-id.def,
        right-id.def when present) of SRC_DIR it writes sys.dic, unk.dic, char.bin, matrix.bin and dicrc into
        OUT_DIR (created when missing), all at the end: on an error nothing there is changed. The result is
        readable by 'taiyaku tokenize --dicdir OUT_DIR' and by mecab -d OUT_DIR.
        """;

    public override string Notes => $"""
        Progress goes to stderr: a line for each source file read, with its entries and lines (as
        mecab-dict-index prints them: the lexicon CSVs, unk.def, and matrix.def with its connection costs), and
        on a terminal a live line below them with a bar over the files and then the step under way
        (--quiet: none).
        {Tool.ExitCodesNote}
        """;

    public override void AddOptions(Command command)
    {
        command.Options.Add(Opt.Text("user", "CSV", "the user lexicon to compile"));
        command.Options.Add(Opt.Text("system", "SRC_DIR", "the folder of a system dictionary's sources to compile"));
        command.Options.Add(Opt.Text("out", "PATH", "--user: the compiled user dictionary (written whole or not at all; - is stdout); --system: the output folder", required: true));
        command.Options.Add(Opt.Text("dicdir", "DIR", "--user: the system dictionary it extends (default: the IPADIC shipped with taiyaku)"));
        command.Options.Add(Opt.Text("from-charset", "NAME",
            "the charset of the sources (mecab-dict-index -f), e.g. euc-jp; default: --user UTF-8, --system dicrc's config-charset, else UTF-8",
            aliases: "--encoding"));
        command.Options.Add(Opt.Text("charset", "NAME", "--system: the charset of the compiled dictionary (mecab-dict-index -c/-t; default: UTF-8)"));
        command.Options.Add(Opt.Text("files", "LIST",
            "--system: the lexicon CSVs to read, comma-separated, in order (default: every *.csv of SRC_DIR in directory order, as " +
            "mecab-dict-index reads them; the order decides homographs' order)"));
        command.Options.Add(Opt.Flag("with-defs",
            "--system: also write rewrite.def, left-id.def, right-id.def and pos-id.def into OUT_DIR, so that user dictionaries " +
            "compiled against it can leave ids to be derived"));
        command.Options.Add(Opt.Flag("quiet", "no progress on stderr"));
    }

    private static System.Text.Encoding? Charset(CommandLine cl, string option)
    {
        if (cl.Get(option) is not { } name) return null;
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        try { return System.Text.Encoding.GetEncoding(name); }
        catch (ArgumentException) { throw new UsageException($"--{option}: unknown charset '{name}'"); }
    }

    public override Task<int> RunAsync(CommandLine cl, CliContext context)
    {
        string? user = cl.Get("user"), system = cl.Get("system");
        if ((user == null) == (system == null)) throw new UsageException("give either --user CSV or --system SRC_DIR");
        if (system != null) return Task.FromResult(CompileSystem(cl, system, context));
        if (cl.Given("charset") || cl.Given("files") || cl.Has("with-defs"))
            throw new UsageException("--charset, --files and --with-defs go with --system (a user dictionary takes the system dictionary's charset)");
        return Task.FromResult(CompileUser(cl, user!, context));
    }

    private static int CompileSystem(CommandLine cl, string source, CliContext context)
    {
        if (cl.Given("dicdir")) throw new UsageException("--dicdir goes with --user (a system dictionary is compiled from SRC_DIR alone)");
        string output = cl.Require("out");
        if (output == "-") throw new UsageException("--system writes a folder: give --out OUT_DIR");
        if (!Directory.Exists(source)) throw InputException.In(source, File.Exists(source) ? "is a file, not a folder" : "no such folder");
        if (File.Exists(output)) throw InputException.In(output, "is a file: --out names the output folder");
        var from = Charset(cl, "from-charset");
        var to = Charset(cl, "charset");
        var files = cl.Get("files")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        DictionaryCompileResult result;
        using (var progress = ProgressReporter.Create(context, "taiyaku dict", cl.Has("quiet")))
        {
            progress?.Stage($"reading {source}");
            try
            {
                result = DictionaryCompiler.CompileSystem(source, output, new DictionaryCompileOptions
                {
                    SourceEncoding = from,
                    OutputEncoding = to,
                    OutputCharsetName = cl.Get("charset"),
                    LexiconFiles = files,
                    CopyDefinitionFiles = cl.Has("with-defs"),
                }, SourcesRead(progress, "building sys.dic and writing"), context.Cancellation);
            }
            catch (DictionaryCompileException e) { throw new InputException(e.Message); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{output}: cannot compile the dictionary: {OutputStream.Reason(e)}");
            }
        }
        foreach (var w in result.Warnings) context.StdErr.WriteLine($"taiyaku: warning: {w}");
        context.StdErr.WriteLine($"taiyaku: {result.EntryCount} entries compiled into {output} in {clock.Elapsed.TotalSeconds:F1} s");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// A line per source file read (its entries and lines, as mecab-dict-index prints them), written above the live
    /// line; the live line's bar counts the files, then names <paramref name="then"/> once all are read.
    /// </summary>
    private static IProgress<DictionarySourceRead>? SourcesRead(ProgressReporter? progress, string then) =>
        progress is null ? null : new SourceLines(progress, then);

    private sealed class SourceLines(ProgressReporter progress, string then) : IProgress<DictionarySourceRead>
    {
        private readonly Lock gate = new();
        private int read;

        // Called from the threads that read the files. Counted and written under one lock, so that the lines come out
        // numbered in order (two threads could otherwise write 24/28 before 23/28).
        public void Report(DictionarySourceRead value)
        {
            lock (gate)
            {
                if (read++ == 0) progress.Stage("reading the sources", value.FileCount, "files");
                string unit = Path.GetFileName(value.Path) == "matrix.def" ? "connection costs" : "entries";
                progress.Messages.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"taiyaku dict: read {Path.GetFileName(value.Path)}: {value.Entries:N0} {unit} in {value.Lines:N0} lines ({read}/{value.FileCount} files)"));
                progress.Set(read);
                if (read == value.FileCount) progress.Stage(then);
            }
        }
    }

    private static int CompileUser(CommandLine cl, string csv, CliContext context)
    {
        string output = cl.Require("out");
        string dicdir = cl.Get("dicdir") ?? IpadicDictionary.DirectoryPath;
        var encoding = Charset(cl, "from-charset");
        if (!File.Exists(csv)) throw InputException.In(csv, Directory.Exists(csv) ? "is a folder, not a file" : "no such file");
        // The compiler reads the CSV whole: a device or an oversized file is refused before it fills the memory.
        var status = FileStatus.Of(csv);
        if (status.Kind != FileKind.Regular) throw InputException.In(csv, "not a regular file (a device or FIFO cannot be compiled)");
        if (new FileInfo(csv).Length > InputLimits.DefaultMaxInputBytes) throw InputLimits.Default.TooLarge(csv);
        DictionaryCompileResult? result = null;
        try
        {
            // Through the one output module: the output may not be the CSV or a file of the system dictionary.
            var inputs = new List<string?> { csv };
            if (Directory.Exists(dicdir)) inputs.AddRange(Directory.GetFiles(dicdir));
            using var progress = ProgressReporter.Create(context, "taiyaku dict", cl.Has("quiet"));
            progress?.Stage($"reading {csv}");
            OutputFile.Write(output, context.StdOut, inputs,
                s => result = DictionaryCompiler.CompileUser([csv], dicdir, s, encoding, SourcesRead(progress, "building the dictionary"), context.Cancellation));
        }
        catch (DictionaryCompileException e)
        {
            throw new InputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read the lexicon or the system dictionary: {OutputStream.Reason(e)}");
        }
        context.StdErr.WriteLine($"taiyaku: {result!.EntryCount} entries written to {output}");
        foreach (var w in result.Warnings) context.StdErr.WriteLine($"taiyaku: warning: {w}");
        return ExitCodes.Ok;
    }
}
