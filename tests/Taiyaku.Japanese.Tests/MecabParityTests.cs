using System.Diagnostics;
using System.Text;

namespace Taiyaku.Japanese.Tests;

/// <summary>
/// Live parity with Debian's mecab on Debian's dictionaries (installed by .ci/run: mecab-ipadic-utf8 with the
/// EUC-JP mecab-ipadic, mecab-jumandic-utf8, mecab-naist-jdic with mecab-naist-jdic-eucjp): the corpus sample
/// through mecab and through our writer, for the default output, wakati, every format of the dictionary's dicrc,
/// -N 3, -a and -m (with the probabilities shown). Each case skips, saying so, when mecab or the dictionary is not installed. scripts/parity-mecab.sh
/// runs the same comparison over whole corpora.
/// </summary>
public sealed class MecabParityTests
{
    private static readonly string? MecabBinary = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, "mecab")).FirstOrDefault(File.Exists);

    public static readonly string[] Dictionaries = ["ipadic-utf8", "juman-utf8", "naist-jdic", "ipadic", "naist-jdic-eucjp"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var d in Dictionaries)
        {
            foreach (var args in new[] { "", "-Owakati", "-N\t3", "-a", "-m\t-F\t%m\\t%pP\\t%pA\\t%pB\\n" }) data.Add(d, args);
            string dicrc = Path.Combine("/var/lib/mecab/dic", d, "dicrc");
            // The format names of the installed dicrc (cases are listed once even when it is absent, then skipped).
            var names = File.Exists(dicrc)
                ? File.ReadAllLines(dicrc, Encoding.Latin1).Where(l => l.StartsWith("node-format-", StringComparison.Ordinal))
                    .Select(l => l[12..l.IndexOf('=')].Trim()).ToList()
                : [];
            foreach (var n in names) data.Add(d, "-O" + n);
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Output_is_byte_identical_to_debian_s_mecab(string dictionary, string args)
    {
        Skip.If(MecabBinary is null, "mecab is not installed (apt-get install mecab): parity with mecab not checked");
        string dir = Path.Combine("/var/lib/mecab/dic", dictionary);
        Skip.If(!File.Exists(Path.Combine(dir, "sys.dic")), $"Debian's dictionary {dir} is not installed: parity not checked for it");
        var argList = args.Length == 0 ? [] : args.Split('\t');
        byte[] input = Sample(dictionary, lines: argList.Length == 0 || argList[0].StartsWith("-O", StringComparison.Ordinal) ? 303 : 60);
        string inputPath = Path.Combine(Path.GetTempPath(), $"taiyaku-parity-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(inputPath, input);
        try
        {
            byte[] expected = RunMecab(["-r", "/dev/null", "-d", dir, .. argList, inputPath]);
            using var dic = MecabDictionary.Open(dir);
            var writer = new MecabOutputWriter(new AnalyzerSession(dic), MecabOptionsParser.Parse(argList));
            using var output = new MemoryStream();
            writer.Process(new MemoryStream(input), output);
            GoldenTests.AssertSameBytes(expected, output.ToArray(), $"{dictionary} {args.Replace('\t', ' ')}");
        }
        finally
        {
            File.Delete(inputPath);
        }
    }

    // The corpus sample, in EUC-JP for the EUC-JP dictionaries (mecab converts nothing: input is in the dictionary's charset).
    private static byte[] Sample(string dictionary, int lines)
    {
        var text = string.Join('\n', Encoding.UTF8.GetString(TestPaths.ReadGolden("corpus-sample.txt")).Split('\n').Take(lines)) + "\n";
        if (!dictionary.EndsWith("eucjp", StringComparison.Ordinal) && dictionary != "ipadic") return Encoding.UTF8.GetBytes(text);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(51932).GetBytes(text);
    }

    private static byte[] RunMecab(string[] args)
    {
        var psi = new ProcessStartInfo(MecabBinary!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        using var ms = new MemoryStream();
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"mecab failed ({p.ExitCode}): {err.Result}");
        return ms.ToArray();
    }
}
