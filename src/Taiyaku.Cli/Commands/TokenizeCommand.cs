using System.CommandLine;
using Taiyaku.Japanese;

namespace Taiyaku.Cli.Commands;

/// <summary><c>tokenize</c>: MeCab-compatible morphological analysis, writing the same bytes as <c>mecab</c>.</summary>
internal sealed class TokenizeCommand : CliCommand
{
    public override string Name => "tokenize";

    public override string Summary => "split Japanese text into morphemes, byte-identical to mecab's output";

    public override string Usage => """
        taiyaku tokenize --lang ja [--format mecab|wakati] [--dicdir DIR] [--userdic FILE] [--in FILE]
                         [--encoding NAME] [--replace-invalid] [-O TYPE] [-F FMT] [-U FMT] [-B FMT] [-E FMT]
                         [-S FMT] [-N N] [-a] [-p] [-m] [-t T]
        """;

    public override string About => """
        Reads lines (stdin, or --in FILE) and analyses each line as one sentence with a MeCab dictionary,
        writing exactly what mecab writes: with --format mecab one 'surface<TAB>feature' line per morpheme and
        'EOS' after each input line; with --format wakati the surfaces, each followed by a space, one line per
        input line. UTF-8 input is passed through byte for byte, invalid bytes included (like mecab, a line
        ends at \n; a \r stays part of the line). Input in another encoding (UTF-16 with a byte-order mark,
        Shift_JIS, EUC-JP; with auto, detected from the first 64 KB) is read whole, decoded and analysed as
        UTF-8; output is always UTF-8.
        mecab's short options are taken as mecab takes them, the value attached or not (-Owakati, -F '%m\n').
        Formats are mecab's (%m %M %H %h %c %t %s %% %f[N] %f[N,M] %F<sep>[N,...] %S %L %pi %pS %ps %pe %pC %pw
        %pc %pn %pb %pl %pL %phl %phr %pP %pA %pB %pp, \ escapes); -F..-E count only without a format type, as in
        mecab (-O '' drops dicrc's). A dictionary in another charset than UTF-8 (EUC-JP, Shift_JIS, UTF-16)
        takes and gives bytes of its charset, as mecab does (--encoding and --replace-invalid are then refused).
        """;

    public override string Notes => """
        Exit codes: 0 ok, 1 input or output error (missing or broken dictionary, unreadable input, a line
        over --max-line-length, a closed stdout), 2 usage error, 128 + signal when interrupted.
        """;

    public override void AddOptions(Command command)
    {
        command.Options.Add(Opt.Text("lang", "LANG", "the language", choices: ["ja"], required: true));
        command.Options.Add(Opt.Text("format", "FORMAT", "output format", defaultValue: "mecab", choices: ["mecab", "wakati"]));
        command.Options.Add(Opt.Text("dicdir", "DIR", "MeCab dictionary folder (sys.dic, matrix.bin, char.bin, unk.dic, dicrc); " + AlignerSetup.DicdirDefault, aliases: "-d"));
        command.Options.Add(Opt.Text("userdic", "FILE", "a user dictionary (see 'taiyaku dict') loaded beside the system dictionary", aliases: "-u"));
        command.Options.Add(Opt.Text("in", "FILE", "read FILE instead of stdin"));
        command.Options.Add(Opt.Text("output-format-type", "TYPE",
            "mecab's -O: wakati, none, dump, em, or NAME for dicrc's node-format-NAME, unk-format-NAME, bos-format-NAME and " +
            "eos-format-NAME (default: dicrc's output-format-type, as mecab)", aliases: "-O"));
        command.Options.Add(Opt.Text("node-format", "FMT", "mecab's -F: the format of a known word (default: %m\\t%H\\n)", aliases: "-F"));
        command.Options.Add(Opt.Text("unk-format", "FMT", "mecab's -U: the format of an unknown word (default: %m\\t%H\\n)", aliases: "-U"));
        command.Options.Add(Opt.Text("bos-format", "FMT", "mecab's -B: written before each sentence (default: empty)", aliases: "-B"));
        command.Options.Add(Opt.Text("eos-format", "FMT", "mecab's -E: written after each sentence (default: EOS\\n)", aliases: "-E"));
        command.Options.Add(Opt.Text("eon-format", "FMT", "mecab's -S: written after the N best analyses of a sentence (default: empty)", aliases: "-S"));
        var nbest = Opt.Integer("nbest", "N", "mecab's -N: the N best analyses of each sentence", 1, 512, 1);
        nbest.Aliases.Add("-N");
        command.Options.Add(nbest);
        command.Options.Add(Opt.Flag("all-morphs", "mecab's -a: every morpheme of the lattice, not only the best path", "-a"));
        command.Options.Add(Opt.Flag("partial",
            "mecab's -p: input is blocks of lines up to EOS, each a piece of the sentence, optionally with TAB and a feature " +
            "pattern the piece must match as one morpheme", "-p"));
        command.Options.Add(Opt.Flag("marginal", "mecab's -m: marginal probabilities, shown by the formats' %pP %pA %pB", "-m"));
        command.Options.Add(Opt.Text("theta", "T", "mecab's -t: accepted and, as in mecab 0.996's command, without effect (0.75)", aliases: "-t"));
        InputDecoding.AddOptions(command, replaceNote: " (with utf-8 input, --replace-invalid reads the input whole to replace)");
    }

    // mecab's short options, as the long ones of this command.
    private static readonly Dictionary<string, string> Short = new(StringComparer.Ordinal)
    {
        ["-O"] = "output-format-type", ["-F"] = "node-format", ["-U"] = "unk-format", ["-B"] = "bos-format",
        ["-E"] = "eos-format", ["-S"] = "eon-format", ["-N"] = "nbest", ["-t"] = "theta", ["-d"] = "dicdir", ["-u"] = "userdic",
    };

    /// <summary>mecab's short options as this command's long ones (-Owakati, -O wakati: --output-format-type=wakati).</summary>
    public static List<string> ExpandShortOptions(IReadOnlyList<string> args)
    {
        var result = new List<string>(args.Count);
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "-a") { result.Add("--all-morphs"); continue; }
            if (a == "-m") { result.Add("--marginal"); continue; }
            if (a == "-p") { result.Add("--partial"); continue; }
            if (a.Length >= 2 && a[0] == '-' && a[1] != '-' && Short.TryGetValue(a[..2], out var name))
            {
                string value = a.Length > 2 ? a[2..] : i + 1 < args.Count ? args[++i] : throw new UsageException($"option {a} needs a value");
                result.Add("--" + name + "=" + value);
            }
            else result.Add(a);
        }
        return result;
    }

    public override Task<int> RunAsync(CommandLine cl, CliContext context) => Task.FromResult(Run(cl, context));

    private static int Run(CommandLine cl, CliContext context)
    {
        var decoding = InputDecoding.FromCommandLine(cl, context.StdErr);
        bool wakati = cl.Value("format") == "wakati";
        var options = new MecabOutputOptions
        {
            OutputFormatType = cl.Get("output-format-type") ?? (wakati ? "wakati" : null),
            NodeFormat = cl.Get("node-format"),
            UnknownFormat = cl.Get("unk-format"),
            BosFormat = cl.Get("bos-format"),
            EosFormat = cl.Get("eos-format"),
            EonFormat = cl.Get("eon-format"),
            AllMorphs = cl.Has("all-morphs"),
            Marginal = cl.Has("marginal"),
            Partial = cl.Has("partial"),
            // mecab 0.996's command line reads -t but its lattice keeps the default 0.75: so does this one.
            Theta = cl.Get("theta") is { } th && !double.TryParse(th, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? throw new UsageException($"-t/--theta must be a number (got '{th}')") : 0.75,
            NBest = cl.Value<int>("nbest"),
        };
        string? inPath = cl.Get("in");
        if (inPath != null && !File.Exists(inPath))
            throw InputException.In(inPath, Directory.Exists(inPath) ? "is a folder, not a file" : "no such file");

        using var dictionary = OpenDictionary(cl.Get("dicdir"), cl.Get("userdic"));
        bool raw = dictionary.TextEncoding.CodePage != 65001;
        if (raw && (cl.Get("encoding") != null || cl.Has("replace-invalid")))
            throw new UsageException($"--encoding and --replace-invalid cannot be used with a {dictionary.Charset} dictionary: input must be in the dictionary's charset, as with mecab");
        MecabOutputWriter writer;
        try { writer = new MecabOutputWriter(new AnalyzerSession(dictionary), options); }
        catch (FormatException e) { throw new UsageException(e.Message); }
        if (inPath == null)
        {
            Process(writer, raw ? context.StdIn : InputFiles.OpenUtf8(context.StdIn, "<stdin>", decoding, context.Cancellation), "<stdin>", context);
            return ExitCodes.Ok;
        }
        FileStream input;
        try { input = new FileStream(inPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw InputException.In(inPath, e.Message); }
        using (input) Process(writer, raw ? input : InputFiles.OpenUtf8(input, inPath, decoding, context.Cancellation), inPath, context);
        return ExitCodes.Ok;
    }

    // A corrupted double array is reported when an analysis first reaches the broken part (found by fuzzing): that is
    // an input error naming the dictionary file, like one found when opening it. A line so long that the path cost
    // overflows (millions of characters) fails as it does in mecab ("too long sentence"): an input error too.
    private static void Process(MecabOutputWriter writer, Stream input, string name, CliContext context)
    {
        try { writer.Process(input, context.StdOut, context.Cancellation); }
        catch (FormatException e) { throw InputException.In(name, "output format: " + e.Message); }
        catch (DictionaryFormatException e) { throw InputException.In(e.FilePath, e.Problem); }
        catch (InvalidOperationException e) when (e.Message.StartsWith("too long sentence", StringComparison.Ordinal))
        {
            throw InputException.In(name, $"a line is too long to analyse ({e.Message}; mecab fails on it too): split it into shorter lines");
        }
    }

    private static MecabDictionary OpenDictionary(string? dicdir, string? userdic)
    {
        try { return MecabDictionary.Open(DictionaryLocator.Locate(dicdir, searchSystem: true), userdic == null ? null : [userdic]); }
        catch (DictionaryNotFoundException e) { throw new InputException(e.Message); }
        catch (DictionaryFormatException e) { throw InputException.In(e.FilePath, e.Problem); }
    }
}
