using System.Text;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>
/// MeCab's own test suite (mecab/tests, see MecabSuite/NOTICE): each folder's EUC-JP sources compiled with our
/// compiler as tests/run-dics.sh compiles them (<c>-f euc-jp -c euc-jp</c>), its <c>test</c> analysed by our analyser
/// with the dicrc's output format, must give <c>test.gld</c>, byte for byte.
/// </summary>
public sealed class MecabSuiteTests : IDisposable
{
    private readonly TempDir _tmp = new();

    static MecabSuiteTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _tmp.Dispose();

    public static TheoryData<string> Folders => new() { "autolink", "chartype", "katakana", "latin", "ngram", "shiin", "t9" };

    private static string Source(string name) => Path.Combine(Taiyaku.Testing.RepositoryPaths.Root, "tests", "Taiyaku.Japanese.Dictionary.Tests", "MecabSuite", name);

    private string Compile(string name, string charset = "euc-jp")
    {
        var output = _tmp[name + "-" + charset];
        DictionaryCompiler.CompileSystem(Source(name), output, new DictionaryCompileOptions
        {
            SourceEncoding = Encoding.GetEncoding("euc-jp"),
            OutputEncoding = Encoding.GetEncoding(charset),
            OutputCharsetName = charset,
        });
        return output;
    }

    private static byte[] Convert(byte[] eucJp, string charset) => Encoding.GetEncoding(charset).GetBytes(Encoding.GetEncoding("euc-jp").GetString(eucJp));

    private static byte[] AnalyseBytes(string dictionary, byte[] input)
    {
        using var dic = MecabDictionary.Open(dictionary);
        var writer = new MecabOutputWriter(new AnalyzerSession(dic), new MecabOutputOptions());
        using var outStream = new MemoryStream();
        writer.Process(new MemoryStream(input), outStream);
        return outStream.ToArray();
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_shift_jis_build_gives_test_gld_in_shift_jis(string name)
    {
        // Compiled to Shift_JIS (glibc's mapping, as mecab-dict-index -c shift_jis), the input and the expected output
        // converted likewise: the analyser then decodes characters with mecab's CP932 table.
        var dic = Compile(name, "shift_jis");
        var input = Convert(File.ReadAllBytes(Path.Combine(Source(name), "test")), "shift_jis");
        var expected = Convert(File.ReadAllBytes(Path.Combine(Source(name), "test.gld")), "shift_jis");
        Assert.Equal(expected, AnalyseBytes(dic, input));
    }

    public static TheoryData<string, string> FoldersAndCharsets()
    {
        var data = new TheoryData<string, string>();
        foreach (var f in new[] { "autolink", "chartype", "katakana", "latin", "ngram", "shiin", "t9" })
            foreach (var c in new[] { "shift_jis", "utf-8", "utf-16le", "utf-16be" }) data.Add(f, c);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(FoldersAndCharsets))]
    public void Other_charset_builds_equal_mecab_dict_index_s_and_analyse_as_mecab(string name, string charset)
    {
        Skip.If(Mecab.DictIndex is null || Mecab.Binary is null, "mecab and mecab-dict-index (mecab-utils) are not installed");
        var ours = Compile(name, charset);
        var reference = _tmp[name + "-" + charset + "-ref"];
        Directory.CreateDirectory(reference);
        Mecab.RunProcess(Mecab.DictIndex!, ["-d", Source(name), "-o", reference, "-f", "euc-jp", "-c", charset]);
        foreach (var f in new[] { "sys.dic", "unk.dic", "char.bin", "matrix.bin" })
            Assert.True(File.ReadAllBytes(Path.Combine(reference, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(ours, f))), $"{name}/{f} ({charset}) differs from mecab-dict-index's");
        File.Copy(Path.Combine(Source(name), "dicrc"), Path.Combine(reference, "dicrc"));
        var input = _tmp[name + "-" + charset + ".in"];
        File.WriteAllBytes(input, Convert(File.ReadAllBytes(Path.Combine(Source(name), "test")), charset));
        var mecab = Mecab.RunBytes(["-r", "/dev/null", "-d", reference, input]);
        Assert.Equal(mecab, AnalyseBytes(ours, File.ReadAllBytes(input)));
    }

    private static byte[] Analyse(string dictionary, string input)
    {
        using var dic = MecabDictionary.Open(dictionary);
        var writer = new MecabOutputWriter(new AnalyzerSession(dic), new MecabOutputOptions());
        using var inStream = File.OpenRead(input);
        using var outStream = new MemoryStream();
        writer.Process(inStream, outStream);
        return outStream.ToArray();
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Our_compiler_and_analyser_give_test_gld(string name)
    {
        var dic = Compile(name);
        using (var d = MecabDictionary.Open(dic)) Assert.Equal("euc-jp", d.Charset); // as given, like mecab-dict-index
        var expected = File.ReadAllBytes(Path.Combine(Source(name), "test.gld"));
        var actual = Analyse(dic, Path.Combine(Source(name), "test"));
        Assert.True(expected.AsSpan().SequenceEqual(actual),
            $"{name}: output differs from test.gld\n--- expected\n{Encoding.GetEncoding("euc-jp").GetString(expected)}\n--- actual\n{Encoding.GetEncoding("euc-jp").GetString(actual)}");
    }

    [Theory]
    [InlineData("chartype")]
    [InlineData("ngram")]
    public void The_string_api_reads_an_euc_jp_dictionary(string name)
    {
        // These two folders use mecab's default output, so the string API's surfaces and features, written the same
        // way and encoded back to EUC-JP, must give test.gld too.
        var euc = Encoding.GetEncoding("euc-jp");
        using var analyzer = new MorphologicalAnalyzer(MecabDictionary.Open(Compile(name)));
        var sb = new StringBuilder();
        foreach (var line in euc.GetString(File.ReadAllBytes(Path.Combine(Source(name), "test"))).TrimEnd('\n').Split('\n'))
        {
            foreach (var m in analyzer.Analyze(line))
            {
                Assert.Equal(line.Substring(m.Offset, m.Length), m.Surface);
                sb.Append(m.Surface).Append('\t').Append(m.Feature).Append('\n');
            }
            sb.Append("EOS\n");
        }
        Assert.Equal(euc.GetString(File.ReadAllBytes(Path.Combine(Source(name), "test.gld"))), sb.ToString());
        analyzer.Dictionary.Dispose();
    }

    [SkippableTheory]
    [MemberData(nameof(Folders))]
    public void Our_files_equal_mecab_dict_index_s_and_mecab_reads_them(string name)
    {
        Skip.If(Mecab.DictIndex is null || Mecab.Binary is null, "mecab and mecab-dict-index (mecab-utils) are not installed");
        var ours = Compile(name);
        var reference = _tmp[name + "-ref"];
        Directory.CreateDirectory(reference);
        Mecab.RunProcess(Mecab.DictIndex!, ["-d", Source(name), "-o", reference, "-f", "euc-jp", "-c", "euc-jp"]);
        foreach (var f in new[] { "sys.dic", "unk.dic", "char.bin", "matrix.bin" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(reference, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(ours, f))),
                $"{name}/{f} differs from mecab-dict-index's");
        }
        // And our analyser on mecab-dict-index's build (with the source dicrc, as mecab's suite runs) gives test.gld.
        File.Copy(Path.Combine(Source(name), "dicrc"), Path.Combine(reference, "dicrc"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Source(name), "test.gld")), Analyse(reference, Path.Combine(Source(name), "test")));
    }
}
