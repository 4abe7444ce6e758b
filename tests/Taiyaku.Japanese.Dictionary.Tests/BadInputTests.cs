using System.Text;
using Taiyaku.Japanese.Ipadic;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>Invalid sources: an error naming file and line, and nothing half-written.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static readonly string[] Good = Synthetic.Lexicon.Split('\n');

    private static string WithLine(int lineNumber, string line)
    {
        var lines = Good.ToList();
        lines[lineNumber - 1] = line;
        return string.Join('\n', lines);
    }

    // Each case replaces one line of the synthetic lexicon.
    private static readonly Dictionary<string, (int Line, string Text)> Defects = new()
    {
        ["malformed"] = (3, "\"東,1,1,3000,名詞,方角,ひがし"),
        ["bad-number"] = (2, "京都,1,x,1000,名詞,固有,きょうと"),
        ["columns"] = (4, "は,2,2"),
        ["left-id"] = (5, "東,3,1,3500,名詞,固有,あずま"),
        ["right-id"] = (6, "に,2,7,500,助詞,格,に"),
        ["cost"] = (7, "行く,1,1,40000,動詞,自立,いく"),
    };

    [Theory]
    [InlineData("malformed", "malformed")]
    [InlineData("bad-number", "malformed")]
    [InlineData("columns", "column count")]
    [InlineData("left-id", "outside the matrix")]
    [InlineData("right-id", "outside the matrix")]
    [InlineData("cost", "16 bits")]
    public void Bad_lexicon_line_is_reported_with_file_and_line_and_nothing_is_written(string name, string reason)
    {
        var (line, text) = Defects[name];
        var lexicon = WithLine(line, text);
        var src = Synthetic.Write(_tmp["src-" + name], lexicon: lexicon);
        var outDir = _tmp["out-" + name];
        var e = Assert.Throws<DictionaryCompileException>(() => DictionaryCompiler.CompileSystem(src, outDir));
        Assert.Equal(Path.Combine(src, "lex.csv"), e.FileName);
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message);
        Assert.Contains($"lex.csv:{line}:", e.Message);
        Assert.True(!Directory.Exists(outDir) || Directory.GetFileSystemEntries(outDir).Length == 0);
    }

    [Fact]
    public void Bytes_are_copied_unchecked_when_source_and_output_charsets_are_the_same()
    {
        // mecab-dict-index calls iconv only between different charsets, so Debian's JUMAN sources (UTF-8 with some
        // stray bytes) compile; so do they here, bytes as they are.
        var src = Synthetic.Write(_tmp["src"]);
        File.WriteAllBytes(Path.Combine(src, "lex.csv"), TestEncodings.EucJp.GetBytes(Synthetic.Lexicon + "\n"));
        var result = DictionaryCompiler.CompileSystem(src, _tmp["out"]);
        Assert.True(result.EntryCount > 0);
        var sys = File.ReadAllBytes(Path.Combine(_tmp["out"], "sys.dic"));
        var eucFeature = TestEncodings.EucJp.GetBytes(Synthetic.Lexicon.Split('\n')[0].Split(',', 5)[4]);
        Assert.True(sys.AsSpan().IndexOf(eucFeature) > 0, "the EUC-JP feature bytes are in sys.dic unchanged");
    }

    [Fact]
    public void Wrong_encoding_names_file_and_line()
    {
        // EUC-JP bytes in a dictionary declared UTF-8, to be converted to EUC-JP: line 1 is the first with non-ASCII text.
        var src = Synthetic.Write(_tmp["src"]);
        File.WriteAllBytes(Path.Combine(src, "lex.csv"), TestEncodings.EucJp.GetBytes(Synthetic.Lexicon + "\n"));
        var e = Assert.Throws<DictionaryCompileException>(() => DictionaryCompiler.CompileSystem(src, _tmp["out"],
            new DictionaryCompileOptions { OutputEncoding = TestEncodings.EucJp }));
        Assert.Equal(Path.Combine(src, "lex.csv"), e.FileName);
        Assert.Equal(1, e.Line);
        Assert.Contains("encoding", e.Message);
        Assert.False(Directory.Exists(_tmp["out"]) && Directory.GetFileSystemEntries(_tmp["out"]).Length > 0);
    }

    [Fact]
    public void Bad_matrix_line_is_reported_with_file_and_line()
    {
        var src = Synthetic.Write(_tmp["src"], matrix: Synthetic.Matrix.Replace("1 2 50", "1 3 50"));
        var e = Assert.Throws<DictionaryCompileException>(() => DictionaryCompiler.CompileSystem(src, _tmp["out"]));
        Assert.Equal(Path.Combine(src, "matrix.def"), e.FileName);
        Assert.Equal(7, e.Line);
    }

    [Fact]
    public void Unk_def_naming_an_undefined_category_is_reported()
    {
        var src = Synthetic.Write(_tmp["src"]);
        File.AppendAllText(Path.Combine(src, "unk.def"), "GREEK,1,1,100,名詞,未知\n");
        var e = Assert.Throws<DictionaryCompileException>(() => DictionaryCompiler.CompileSystem(src, _tmp["out"]));
        Assert.Equal(Path.Combine(src, "unk.def"), e.FileName);
        Assert.Equal(6, e.Line);
    }

    [Fact]
    public void A_failed_compilation_leaves_previous_outputs_untouched_and_no_temp_files()
    {
        var good = Synthetic.Write(_tmp["good"]);
        var outDir = _tmp["out"];
        DictionaryCompiler.CompileSystem(good, outDir);
        var before = Directory.GetFiles(outDir).ToDictionary(f => f, File.ReadAllBytes);

        var bad = Synthetic.Write(_tmp["bad"], lexicon: WithLine(5, "東,1,9,3500,名詞,固有,あずま"));
        Assert.Throws<DictionaryCompileException>(() => DictionaryCompiler.CompileSystem(bad, outDir));
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(outDir).Order());
        foreach (var (f, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(f));
    }

    [Fact]
    public void Bad_user_csv_names_file_and_line_and_writes_no_user_dictionary()
    {
        var csv = _tmp["user.csv"];
        File.WriteAllText(csv, "多々良木蓮太郎,1289,1289,1000,名詞,固有名詞,人名,一般,*,*,x,x,x\n甲乙丙,1289,5000,1000,名詞,一般,*,*,*,*,x,x,x\n");
        var e = Assert.Throws<DictionaryCompileException>(() => DictionaryCompiler.CompileUser(csv, IpadicDictionary.DirectoryPath, _tmp["user.dic"]));
        Assert.Equal(csv, e.FileName);
        Assert.Equal(2, e.Line);
        Assert.Contains("outside the matrix", e.Message);
        Assert.Equal(new[] { "user.csv" }, Directory.GetFiles(_tmp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Cancelled_compilation_writes_nothing()
    {
        var src = Synthetic.Write(_tmp["src"]);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => DictionaryCompiler.CompileSystem(src, _tmp["out"], null, cts.Token));
        Assert.False(Directory.Exists(_tmp["out"]) && Directory.GetFileSystemEntries(_tmp["out"]).Length > 0);
    }
}
