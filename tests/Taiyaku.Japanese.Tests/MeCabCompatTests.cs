using System.Text;
using Taiyaku.Japanese.MeCabCompat;

namespace Taiyaku.Japanese.Tests;

/// <summary>The MeCab.DotNet/NMeCab-shaped layer against mecab's golden output (shipped IPADIC).</summary>
public sealed class MeCabCompatTests
{
    private static List<string> SampleLines() => TestPaths.MecabLines(TestPaths.ReadGolden("formats-sample.txt"));

    private static MeCabTagger Create(MeCabParam? p = null)
    {
        return MeCabTagger.Create(p);
    }

    [SkippableFact]
    public void Parse_gives_mecab_s_output_sentence_by_sentence()
    {
        using var tagger = Create();
        var expected = Encoding.UTF8.GetString(TestPaths.ReadGolden("corpus-sample.mecab"));
        var actual = new StringBuilder();
        foreach (var line in TestPaths.MecabLines(TestPaths.ReadGolden("corpus-sample.txt"))) actual.Append(tagger.Parse(line));
        Assert.Equal(expected, actual.ToString());
    }

    [SkippableFact]
    public void ParseNBest_and_output_format_type_give_mecab_s_output()
    {
        using var tagger = Create();
        var nbest = new StringBuilder();
        foreach (var line in SampleLines()) nbest.Append(tagger.ParseNBest(3, line));
        Assert.Equal(Encoding.UTF8.GetString(TestPaths.ReadGolden("formats-9.mecab.gz")), nbest.ToString()); // -N3

        using var chasen = Create(new MeCabParam { OutputFormatType = "chasen" });
        var sb = new StringBuilder();
        foreach (var line in SampleLines()) sb.Append(chasen.Parse(line));
        Assert.Equal(Encoding.UTF8.GetString(TestPaths.ReadGolden("formats-3.mecab.gz")), sb.ToString()); // -Ochasen
    }

    [SkippableFact]
    public void ParseToNode_links_bos_morphemes_and_eos_with_mecab_s_fields()
    {
        using var tagger = Create();
        var expected = Encoding.UTF8.GetString(TestPaths.ReadGolden("corpus-sample.mecab")).Split("EOS\n");
        var lines = TestPaths.MecabLines(TestPaths.ReadGolden("corpus-sample.txt"));
        for (int i = 0; i < 50; i++)
        {
            var bos = tagger.ParseToNode(lines[i]);
            Assert.Equal(MeCabNodeStat.Bos, bos.Stat);
            Assert.Null(bos.Prev);
            var sb = new StringBuilder();
            MeCabNode node = bos.Next!;
            for (; node.Next != null; node = node.Next)
            {
                Assert.Same(node, node.Next.Prev);
                Assert.Equal(lines[i][node.BPos..node.EPos], node.Surface);
                Assert.Equal(Encoding.UTF8.GetByteCount(node.Surface), node.Length);
                Assert.True(node.Stat is MeCabNodeStat.Nor or MeCabNodeStat.Unk);
                Assert.True(node.IsBest);
                sb.Append(node.Surface).Append('\t').Append(node.Feature).Append('\n');
            }
            Assert.Equal(MeCabNodeStat.Eos, node.Stat);
            Assert.Equal(expected[i], sb.ToString());
            Assert.Equal(tagger.ParseToNodes(lines[i]).Count(), tagger.ParseNBestToNode(lines[i]).First() is var first ? Count(first) : 0);
        }
    }

    [SkippableFact]
    public void CharType_is_the_category_of_the_first_character_as_in_mecab()
    {
        // As mecab -d ipadic-utf8 -F "%m:%t\\n" gives (char.def order: KANJI 2, HIRAGANA 6, KATAKANA 7, ALPHA 5, NUMERIC 4).
        using var tagger = Create();
        var types = tagger.ParseToNodes("東京でテストをABC123").Where(n => n.Stat is MeCabNodeStat.Nor or MeCabNodeStat.Unk)
            .Select(n => $"{n.Surface}:{n.CharType}").ToList();
        Assert.Equal(["東京:2", "で:6", "テスト:7", "を:6", "ABC:5", "123:4"], types);
    }

    [SkippableFact]
    public void The_readme_example_runs()
    {
        var console = new StringWriter();
        // The README's "Coming from MeCab.DotNet" example, Console.Write* as console.Write*.
        var parameter = new MeCabParam();
        using var tagger = MeCabTagger.Create(parameter);
        console.Write(tagger.Parse("すもももももももものうち"));
        foreach (var node in tagger.ParseToNodes("すもももももももものうち"))
            if (node.CharType > 0) console.WriteLine($"{node.Surface}\t{node.Feature}");
        int n = 0;
        for (var node = tagger.ParseToNode("東京に行く"); node != null; node = node.Next) n++;
        console.Write(tagger.ParseNBest(3, "東京に行く"));
        Assert.Equal(3, tagger.ParseNBestToNode("東京に行く").Take(3).Count());
        Assert.Equal(5, n); // BOS, 東京, に, 行く, EOS
        Assert.StartsWith("すもも\t名詞,一般,*,*,*,*,すもも,スモモ,スモモ\n", console.ToString());
    }

    private static int Count(MeCabNode bos)
    {
        int n = 0;
        for (var x = bos; x != null; x = x.Next) n++;
        return n;
    }
}
