using Taiyaku.Japanese;

namespace Taiyaku.Cli.Commands;

/// <summary><c>tokenize</c>: MeCab-compatible morphological analysis, writing the same bytes as <c>mecab</c>.</summary>
internal sealed class TokenizeCommand : ICommand
{
    public string Name => "tokenize";

    public string Summary => "split Japanese text into morphemes, byte-identical to mecab's output";

    public string Help => $"""
        Usage: taiyaku tokenize --lang ja [--format mecab|wakati] [--dicdir DIR] [--userdic FILE] [--in FILE]
                                [--encoding NAME] [--replace-invalid]

        Reads lines (stdin, or --in FILE) and analyses each line as one sentence with a MeCab dictionary,
        writing exactly what mecab writes: with --format mecab (the default) one 'surface<TAB>feature' line
        per morpheme and 'EOS' after each input line; with --format wakati the surfaces, each followed by a
        space, one line per input line. UTF-8 input is passed through byte for byte, invalid bytes included
        (like mecab, a line ends at \n; a \r stays part of the line). Input in another encoding (UTF-16 with
        a byte-order mark, Shift_JIS, EUC-JP; with auto, detected from the first 64 KB) is read whole,
        decoded and analysed as UTF-8; output is always UTF-8.

          --lang ja          the language (only ja)
          --format FORMAT    mecab (default) or wakati
          --dicdir DIR       MeCab dictionary folder (sys.dic, matrix.bin, char.bin, unk.dic, dicrc);
                             default: MECABRC's dicdir, then the IPADIC shipped with taiyaku, then
                             /etc/mecabrc's dicdir and the usual install folders
          --userdic FILE     a user dictionary (see 'taiyaku dict') loaded beside the system dictionary
          --in FILE          read FILE instead of stdin
        {InputDecoding.HelpLines}
                             (with utf-8 input, --replace-invalid reads the input whole to replace)
          -h, --help         show this help

        Exit codes: 0 ok, 1 input or output error (missing or broken dictionary, unreadable input, a line
        over --max-line-length, a closed stdout), 2 usage error, 128 + signal when interrupted.
        """;

    private static readonly string[] Values = ["lang", "format", "dicdir", "in", "userdic", .. InputDecoding.ValueOptions];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var cl = CommandLine.Parse(args, Values, InputDecoding.Flags);
        var decoding = InputDecoding.FromCommandLine(cl, context.StdErr);
        string lang = cl.Require("lang");
        if (lang != "ja") throw new UsageException($"--lang must be ja (got '{lang}')");
        var format = cl.Choice("format", "mecab", "mecab", "wakati") == "wakati" ? MecabOutputFormat.Wakati : MecabOutputFormat.Default;
        string? inPath = cl.Get("in");
        if (inPath != null && !File.Exists(inPath))
            throw InputException.In(inPath, Directory.Exists(inPath) ? "is a folder, not a file" : "no such file");

        using var dictionary = OpenDictionary(cl.Get("dicdir"), cl.Get("userdic"));
        var writer = new MecabOutputWriter(new AnalyzerSession(dictionary), format);
        if (inPath == null)
        {
            Process(writer, InputFiles.OpenUtf8(context.StdIn, "<stdin>", decoding, context.Cancellation), "<stdin>", context);
            return ExitCodes.Ok;
        }
        FileStream input;
        try { input = new FileStream(inPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw InputException.In(inPath, e.Message); }
        using (input) Process(writer, InputFiles.OpenUtf8(input, inPath, decoding, context.Cancellation), inPath, context);
        return ExitCodes.Ok;
    }

    // A corrupted double array is reported when an analysis first reaches the broken part (found by fuzzing): that is
    // an input error naming the dictionary file, like one found when opening it. A line so long that the path cost
    // overflows (millions of characters) fails as it does in mecab ("too long sentence"): an input error too.
    private static void Process(MecabOutputWriter writer, Stream input, string name, CliContext context)
    {
        try { writer.Process(input, context.StdOut, context.Cancellation); }
        catch (DictionaryFormatException e) { throw InputException.In(e.FilePath, e.Problem); }
        catch (InvalidOperationException e) when (e.Message.StartsWith("too long sentence", StringComparison.Ordinal))
        {
            throw InputException.In(name, $"a line is too long to analyse ({e.Message}; mecab fails on it too): split it into shorter lines");
        }
    }

    private static MecabDictionary OpenDictionary(string? dicdir, string? userdic)
    {
        try { return MecabDictionary.Open(dicdir, userdic == null ? null : [userdic]); }
        catch (DictionaryNotFoundException e) { throw new InputException(e.Message); }
        catch (DictionaryFormatException e) { throw InputException.In(e.FilePath, e.Problem); }
    }
}
