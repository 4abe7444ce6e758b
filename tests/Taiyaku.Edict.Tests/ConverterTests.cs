using System.IO.Compression;
using System.Text;

namespace Taiyaku.Edict.Tests;

/// <summary>The converter on small hand-written EDICT files, in both formats.</summary>
public class ConverterTests
{
    private static readonly Encoding EucJp = CreateEucJp();

    private static Encoding CreateEucJp()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(51932);
    }

    private static Dictionary<string, string[]> Convert(params string[] lines)
    {
        var output = new StringWriter();
        EdictConverter.Convert(new MemoryStream(EucJp.GetBytes(string.Join("\n", lines) + "\n")), output);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => p[1].Split(' '));
    }

    [Fact]
    public void Edict1_lines_give_headword_keys_and_content_words()
    {
        var table = Convert(
            "　？？？ /EDICT, EDICT_SUB(P), EDICT2 Japanese-English Electronic Dictionary Files/Copyright .../",
            "山 [やま] /(n,ctr) (1) mountain/hill/(n,ctr) (2) mine (e.g. coal mine)/(n) (3) (arch) temple/(P)/",
            "山 [さん] /(suf) (1) Mt./Mount/",
            "行く [いく] /(v5k-s,vi) (1) to go/to move (in a direction)/(v5k-s,vi) (2) (uk) (sl) to trip/(P)/");
        Assert.Equal(["山", "行く"], table.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["mountain", "hill", "mt", "mount", "mine"], table["山"]);
        Assert.Equal(["go", "move"], table["行く"]);
    }

    [Fact]
    public void Edict2_lines_give_every_spelling_and_drop_entry_numbers()
    {
        var table = Convert(
            "綺麗;奇麗(P) [きれい(P);キレイ] /(adj-na) (1) (uk) pretty/lovely/(2) clean/(P)/EntL1587610X/",
            "為る [する] /(vs-i) (1) (uk) to do/to carry out/(P)/EntL1157170X/");
        Assert.Equal(["pretty", "lovely", "clean"], table["綺麗"]);
        Assert.Equal(table["綺麗"], table["奇麗"]);
        // EDICT2 writes the part of speech once: sense (2) inherits it, but only sense (1) is "usually kana".
        Assert.Equal(["pretty", "lovely"], table["きれい"]);
        Assert.Equal(["pretty", "lovely"], table["キレイ"]);
        Assert.False(table.ContainsKey("する"));   // kana grammar, left out
        Assert.Equal(["carry"], table["為る"]);
    }

    [Fact]
    public void Readings_of_rare_usually_kana_words_and_plain_readings_are_not_keys()
    {
        var table = Convert(
            "鑿 [のみ] /(n) (uk) chisel/",
            "寺 [てら] /(n) temple (Buddhist)/(P)/");
        Assert.Equal(["chisel"], table["鑿"]);
        Assert.False(table.ContainsKey("のみ"));
        Assert.False(table.ContainsKey("てら"));
    }

    [Fact]
    public void Common_entries_come_first_when_a_key_is_shared()
    {
        var table = Convert(
            "神 [かむ] /(n-pref) divine/godly/",
            "神 [かみ] /(n) (1) god/deity/(n-pref,n) (2) (sl) incredible/(P)/");
        Assert.Equal(["god", "deity", "divine", "godly"], table["神"]);
    }

    [Fact]
    public void Grammatical_senses_descriptions_affixes_and_long_definitions_give_no_words()
    {
        var table = Convert(
            "こそ /(prt) particle used to emphasize the preceding word/",
            "寺 [じ] /(suf,ctr) counter for temples/",
            "人 [じん] /(suf) (1) -ian (e.g. Italian)/-ite (e.g. Tokyoite)/(suf) (2) person/(P)/",
            "〆パフェ [しめパフェ] /(n) (uk) parfait eaten at the end of a meal/dessert/",
            "かわ /(n) (uk) matte (metallurgical)/");
        Assert.False(table.ContainsKey("こそ"));
        Assert.False(table.ContainsKey("寺"));
        Assert.Equal(["person"], table["人"]);
        Assert.Equal(["dessert"], table["〆パフェ"]);
        Assert.Equal(["matte"], table["かわ"]);
    }

    [Fact]
    public void Words_are_folded_to_lower_case_ascii_and_split_like_icu()
    {
        var table = Convert(
            "のぞみ /(n) Nozomi/fastest Tokaido Shinkansen/",
            "こどもの日 [こどものひ] /(exp,n) Children's Day (national holiday; May 5)/(P)/",
            "高速 [こうそく] /(adj-no,n) high-speed/(P)/");
        Assert.Equal(["nozomi", "fastest", "tokaido", "shinkansen"], table["のぞみ"]);
        Assert.Equal(["children", "day"], table["こどもの日"]);
        Assert.Equal(["high", "speed"], table["高速"]);
        Assert.Equal(["fastest", "tokaido", "shinkansen"], GlossWords.Extract("fastest Tōkaidō Shinkansen", 3));
        Assert.Equal(["o'clock"], GlossWords.Extract("3 o\u2019clock", 3));
    }

    [Fact]
    public void Jis_x_0212_letters_are_decoded()
    {
        // "のぞみ /(n) Tōkyō/" with ō written as the JIS X 0212 three-byte sequence 8F AB D7, as the Debian file does.
        var bytes = new List<byte>();
        bytes.AddRange(EucJp.GetBytes("のぞみ /(n) T"));
        bytes.AddRange([0x8F, 0xAB, 0xD7]);
        bytes.AddRange(EucJp.GetBytes("ky"));
        bytes.AddRange([0x8F, 0xAB, 0xD7]);
        bytes.AddRange(EucJp.GetBytes("/\r\n"));
        Assert.Equal("のぞみ /(n) Tōkyō/", EucJpReader.ReadLines(new MemoryStream(bytes.ToArray())).Single());
        var output = new StringWriter();
        EdictConverter.Convert(new MemoryStream(bytes.ToArray()), output);
        Assert.Equal("のぞみ\ttokyo\n", output.ToString());
    }

    [Fact]
    public void Output_is_sorted_and_deterministic()
    {
        string[] lines =
        [
            "川 [かわ] /(n) (1) river/stream/(P)/",
            "城 [しろ] /(n) castle/(P)/",
            "ｶﾒﾗ /(n) camera/",
            "カメラ /(n) camera/(P)/",
        ];
        var bytes = EucJp.GetBytes(string.Join("\n", lines));
        string Run()
        {
            var w = new StringWriter();
            EdictConverter.Convert(new MemoryStream(bytes), w);
            return w.ToString();
        }
        string first = Run();
        Assert.Equal(first, Run());
        Assert.Equal("カメラ\tcamera\n城\tcastle\n川\triver stream\n", first);   // ordinal order; ｶﾒﾗ NFKC-folded into カメラ
    }

    [Fact]
    public void Compressed_output_loads_back()
    {
        var bytes = EucJp.GetBytes("城 [しろ] /(n) castle/(P)/\n");
        var gz = new MemoryStream();
        EdictConverter.ConvertCompressed(new MemoryStream(bytes), gz);
        gz.Position = 0;
        var lexicon = EdictLexicon.Load(gz);
        Assert.Equal(1, lexicon.Count);
        Assert.True(lexicon.TryGetTranslations("城", out var words));
        Assert.Equal(["castle"], words);

        var plain = EdictLexicon.Load(new MemoryStream(Encoding.UTF8.GetBytes("城\tcastle fortress\n")));
        Assert.True(plain.TryGetTranslations("城", out words));
        Assert.Equal(["castle", "fortress"], words);
        Assert.Throws<InvalidDataException>(() => EdictLexicon.Load(new MemoryStream(Encoding.UTF8.GetBytes("no tab here\n"))));
        using var nonSeekable = new GZipStream(new MemoryStream(gz.ToArray()), CompressionMode.Decompress);
        Assert.Equal(1, EdictLexicon.Load(nonSeekable).Count);
    }
}
