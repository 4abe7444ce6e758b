using Taiyaku.Japanese.Dictionary;
using Taiyaku.Japanese.Ipadic;

namespace Taiyaku.Cli.Commands;

/// <summary><c>dict</c>: compiles a user dictionary CSV, as <c>mecab-dict-index -u</c> does.</summary>
internal sealed class DictCommand : ICommand
{
    public string Name => "dict";

    public string Summary => "compile a user dictionary (names, places) for tokenize and align";

    public string Help => """
        Usage: taiyaku dict --user CSV --out FILE [--dicdir DIR] [--encoding NAME]

        Compiles a user dictionary from a MeCab CSV lexicon, one word per line:
          surface,left_id,right_id,cost,pos,pos1,pos2,pos3,ctype,cform,base,reading,pronunciation
        (ids may be left empty or negative to be chosen from the part of speech, as mecab-dict-index -u does).
        --out - writes the dictionary to stdout.
        The result is readable by 'taiyaku tokenize --userdic FILE' and by real mecab (mecab -u FILE).

          --user CSV         the lexicon (UTF-8 unless --encoding says otherwise)
          --out FILE         the compiled user dictionary (written whole or not at all)
          --dicdir DIR       the system dictionary it extends (default: the IPADIC shipped with taiyaku)
          --encoding NAME    the CSV's encoding, e.g. euc-jp (default utf-8)
          -h, --help         show this help

        Exit codes: 0 ok, 1 input or output error (the message names the file and line, or the output and
        the system's reason), 2 usage error, 128 + signal when interrupted.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var cl = CommandLine.Parse(args, ["user", "out", "dicdir", "encoding"], []);
        string csv = cl.Require("user"), output = cl.Require("out");
        string dicdir = cl.Get("dicdir") ?? IpadicDictionary.DirectoryPath;
        System.Text.Encoding? encoding = null;
        if (cl.Get("encoding") is { } name)
        {
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            try { encoding = System.Text.Encoding.GetEncoding(name); }
            catch (ArgumentException) { throw new UsageException($"--encoding: unknown encoding '{name}'"); }
        }
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
            OutputFile.Write(output, context.StdOut, inputs, s => result = DictionaryCompiler.CompileUser([csv], dicdir, s, encoding, context.Cancellation));
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
