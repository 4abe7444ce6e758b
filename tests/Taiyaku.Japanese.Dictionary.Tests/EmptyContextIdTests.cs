using System.Text;
using Taiyaku.Japanese.Ipadic;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>Empty left/right ids in a user CSV, as mecab-dict-index -u reads them (issue 13, case 10).</summary>
public sealed class EmptyContextIdTests : IDisposable
{
    private const string Name = "多々良木蓮太郎";
    private const string Feature = "名詞,固有名詞,人名,一般,*,*,多々良木蓮太郎,タタラモクレンタロウ,タタラモクレンタロー";
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [SkippableFact]
    public void Empty_ids_are_derived_from_the_feature_like_negative_ones_and_like_mecab_dict_index()
    {
        File.WriteAllText(_tmp["empty.csv"], $"{Name},,,1000,{Feature}\n", new UTF8Encoding(false));
        File.WriteAllText(_tmp["negative.csv"], $"{Name},-1,-1,1000,{Feature}\n", new UTF8Encoding(false));
        DictionaryCompiler.CompileUser(_tmp["empty.csv"], IpadicDictionary.DirectoryPath, _tmp["empty.dic"]);
        DictionaryCompiler.CompileUser(_tmp["negative.csv"], IpadicDictionary.DirectoryPath, _tmp["negative.dic"]);
        var t = Assert.Single(new DicFile(_tmp["empty.dic"]).Lookup(Name));
        Assert.Equal((ushort)1289, t.Left);
        Assert.Equal((ushort)1289, t.Right);
        Assert.Equal(File.ReadAllBytes(_tmp["negative.dic"]), File.ReadAllBytes(_tmp["empty.dic"]));

        Skip.If(Mecab.DictIndex is null, "mecab-dict-index (mecab-utils) is not installed: only our side was checked");
        Mecab.RunProcess(Mecab.DictIndex!, ["-d", IpadicDictionary.DirectoryPath, "-u", _tmp["ref.dic"], "-f", "UTF-8", "-t", "UTF-8", _tmp["empty.csv"]]);
        Assert.Equal(File.ReadAllBytes(_tmp["ref.dic"]), File.ReadAllBytes(_tmp["empty.dic"]));
    }

    [Fact]
    public void A_non_numeric_id_is_still_an_error_naming_file_and_line()
    {
        File.WriteAllText(_tmp["bad.csv"], $"{Name},x,,1000,{Feature}\n", new UTF8Encoding(false));
        var e = Assert.Throws<DictionaryCompileException>(() => DictionaryCompiler.CompileUser(_tmp["bad.csv"], IpadicDictionary.DirectoryPath, _tmp["bad.dic"]));
        Assert.Equal(1, e.Line);
        Assert.Contains("left id", e.Message);
    }

    [Fact]
    public void Compiling_to_a_stream_gives_the_bytes_of_the_file()
    {
        File.WriteAllText(_tmp["user.csv"], $"{Name},1289,1289,1000,{Feature}\n", new UTF8Encoding(false));
        DictionaryCompiler.CompileUser(_tmp["user.csv"], IpadicDictionary.DirectoryPath, _tmp["user.dic"]);
        var m = new MemoryStream();
        var result = DictionaryCompiler.CompileUser([_tmp["user.csv"]], IpadicDictionary.DirectoryPath, m);
        Assert.Equal(1, result.EntryCount);
        Assert.Equal(File.ReadAllBytes(_tmp["user.dic"]), m.ToArray());
    }
}
