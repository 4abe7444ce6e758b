namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>Real mecab over dictionaries we compiled from hand-written sources.</summary>
public sealed class MecabOutputTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    // Worked out by hand from Synthetic's costs: BOS-東京 100+1000, 東京-は 50+500, は-京都 50+1000,
    // 京都-に 50+500, に-行く 50+2000, 行く-EOS 100: 5400. 東 (3000) cannot continue (京 alone is only an
    // unknown kanji at 3000 more), so 東京 wins. Then confirmed with mecab.
    private const string Sentence1 = "東京は京都に行く";
    private const string Expected1 = "東京\t名詞,固有,とうきょう\nは\t助詞,係,は\n京都\t名詞,固有,きょうと\nに\t助詞,格,に\n行く\t動詞,自立,いく\nEOS\n";

    // KATAKANA is invoke=1 group=1 length=0: the whole run becomes one unknown word with unk.def's feature.
    private const string Sentence2 = "トウキョウは東京";
    private const string Expected2 = "トウキョウ\t名詞,未知\nは\t助詞,係,は\n東京\t名詞,固有,とうきょう\nEOS\n";

    [SkippableFact]
    public void Mecab_reads_our_dictionary_and_finds_the_hand_derived_paths()
    {
        Skip.If(Mecab.Binary is null, "mecab is not installed");
        var src = Synthetic.Write(_tmp["src"]);
        DictionaryCompiler.CompileSystem(src, _tmp["out"]);
        Assert.Equal(Expected1, Mecab.Run(Sentence1 + "\n", "-d", _tmp["out"]));
        Assert.Equal(Expected2, Mecab.Run(Sentence2 + "\n", "-d", _tmp["out"]));
    }

    [SkippableFact]
    public void Our_files_are_byte_identical_to_mecab_dict_index_s_on_the_synthetic_sources()
    {
        Skip.If(Mecab.DictIndex is null, "mecab-dict-index (mecab-utils) is not installed");
        var src = Synthetic.Write(_tmp["src"]);
        DictionaryCompiler.CompileSystem(src, _tmp["ours"]);
        Directory.CreateDirectory(_tmp["ref"]);
        Mecab.RunProcess(Mecab.DictIndex!, ["-d", src, "-o", _tmp["ref"], "-f", "UTF-8", "-t", "UTF-8"]);
        foreach (var f in new[] { "sys.dic", "unk.dic", "char.bin", "matrix.bin" })
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(_tmp["ref"], f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_tmp["ours"], f))),
                $"{f} differs from mecab-dict-index's");
        }
    }
}
