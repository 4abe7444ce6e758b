using System.Text;
using Taiyaku.Japanese.Ipadic;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>User dictionaries against the IPADIC the build compiled.</summary>
public sealed class UserDictionaryTests : IDisposable
{
    // A made-up name: IPADIC alone splits it into 多々良 / 木蓮 / 太郎.
    private const string Name = "多々良木蓮太郎";
    private const string Feature = "名詞,固有名詞,人名,一般,*,*,多々良木蓮太郎,タタラモクレンタロウ,タタラモクレンタロー";
    private readonly TempDir _tmp = new();

    public UserDictionaryTests()
    {
        // 1289 is IPADIC's left/right id of 名詞,固有名詞,人名,一般 (left-id.def).
        File.WriteAllText(_tmp["user.csv"], $"{Name},1289,1289,1000,{Feature}\n", new UTF8Encoding(false));
    }

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void User_dictionary_header_matches_the_system_dictionary()
    {
        var result = DictionaryCompiler.CompileUser(_tmp["user.csv"], IpadicDictionary.DirectoryPath, _tmp["user.dic"]);
        Assert.Equal(1, result.EntryCount);
        var dic = new DicFile(_tmp["user.dic"]);
        Assert.Equal(1u, dic.Type);
        Assert.Equal(1316u, dic.LeftSize);
        Assert.Equal(1316u, dic.RightSize);
        Assert.Equal("UTF-8", dic.Charset);
        var t = Assert.Single(dic.Lookup(Name));
        Assert.Equal((ushort)1289, t.Left);
        Assert.Equal((short)1000, t.Cost);
        Assert.Equal(Feature, t.Feature);
        Assert.Equal(new[] { "user.csv", "user.dic" }, Directory.GetFiles(_tmp.Path).Select(Path.GetFileName).Order());
    }

    [SkippableFact]
    public void Real_mecab_with_our_user_dictionary_reads_the_name_as_one_word()
    {
        Skip.If(Mecab.Binary is null, "mecab is not installed");
        DictionaryCompiler.CompileUser(_tmp["user.csv"], IpadicDictionary.DirectoryPath, _tmp["user.dic"]);
        var input = $"{Name}が来た。\n";

        var without = Mecab.Run(input, "-d", IpadicDictionary.DirectoryPath);
        Assert.DoesNotContain($"{Name}\t", without);

        var with = Mecab.Run(input, "-d", IpadicDictionary.DirectoryPath, "-u", _tmp["user.dic"]);
        Assert.StartsWith($"{Name}\t{Feature}\nが\t", with);
    }

    [SkippableFact]
    public void User_dictionary_is_byte_identical_to_mecab_dict_index_u()
    {
        Skip.If(Mecab.DictIndex is null, "mecab-dict-index (mecab-utils) is not installed");
        DictionaryCompiler.CompileUser(_tmp["user.csv"], IpadicDictionary.DirectoryPath, _tmp["ours.dic"]);
        Mecab.RunProcess(Mecab.DictIndex!, ["-d", IpadicDictionary.DirectoryPath, "-u", _tmp["ref.dic"], "-f", "UTF-8", "-t", "UTF-8", _tmp["user.csv"]]);
        Assert.Equal(File.ReadAllBytes(_tmp["ref.dic"]), File.ReadAllBytes(_tmp["ours.dic"]));
    }

    [Fact]
    public void Euc_jp_user_csv_gives_the_same_user_dictionary()
    {
        DictionaryCompiler.CompileUser(_tmp["user.csv"], IpadicDictionary.DirectoryPath, _tmp["utf8.dic"]);
        var euc = TestEncodings.EucJp;
        File.WriteAllBytes(_tmp["user-euc.csv"], euc.GetBytes(File.ReadAllText(_tmp["user.csv"])));
        DictionaryCompiler.CompileUser(_tmp["user-euc.csv"], IpadicDictionary.DirectoryPath, _tmp["euc.dic"], euc);
        Assert.Equal(File.ReadAllBytes(_tmp["utf8.dic"]), File.ReadAllBytes(_tmp["euc.dic"]));
    }

    [SkippableFact]
    public void Negative_ids_are_derived_from_the_features_as_mecab_dict_index_does()
    {
        // IPADIC's rewrite.def maps this feature to the left/right context 名詞,固有名詞,人名,一般,*,*,*: id 1289.
        File.WriteAllText(_tmp["auto.csv"], $"{Name},-1,-1,1000,{Feature}\n", new UTF8Encoding(false));
        DictionaryCompiler.CompileUser(_tmp["auto.csv"], IpadicDictionary.DirectoryPath, _tmp["auto.dic"]);
        var t = Assert.Single(new DicFile(_tmp["auto.dic"]).Lookup(Name));
        Assert.Equal((ushort)1289, t.Left);
        Assert.Equal((ushort)1289, t.Right);

        Skip.If(Mecab.DictIndex is null, "mecab-dict-index (mecab-utils) is not installed");
        Mecab.RunProcess(Mecab.DictIndex!, ["-d", IpadicDictionary.DirectoryPath, "-u", _tmp["ref.dic"], "-f", "UTF-8", "-t", "UTF-8", _tmp["auto.csv"]]);
        Assert.Equal(File.ReadAllBytes(_tmp["ref.dic"]), File.ReadAllBytes(_tmp["auto.dic"]));
    }

    [Fact]
    public void Negative_ids_for_an_unknown_part_of_speech_name_file_and_line()
    {
        File.WriteAllText(_tmp["bad.csv"], $"{Name},1289,1289,1000,{Feature}\n甲乙,-1,-1,1000,謎,*,*,*,*,*,甲乙,コウオツ,コウオツ\n", new UTF8Encoding(false));
        var e = Assert.Throws<DictionaryCompileException>(() => DictionaryCompiler.CompileUser(_tmp["bad.csv"], IpadicDictionary.DirectoryPath, _tmp["bad.dic"]));
        Assert.Equal(_tmp["bad.csv"], e.FileName);
        Assert.Equal(2, e.Line);
        Assert.False(File.Exists(_tmp["bad.dic"]));
    }
}
