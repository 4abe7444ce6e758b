using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>
/// A hand-written three-id dictionary: id 0 is BOS/EOS, 1 nouns/verbs, 2 particles. Costs are chosen so that
/// the best paths can be worked out by hand (see MecabOutputTests).
/// </summary>
internal static class Synthetic
{
    public const string Matrix = """
        3 3
        0 0 0
        0 1 100
        0 2 100
        1 0 100
        1 1 200
        1 2 50
        2 0 100
        2 1 50
        2 2 200
        """;

    public const string CharDef = """
        # category invoke group length
        DEFAULT 0 1 0
        SPACE 0 1 0
        KANJI 0 0 2
        HIRAGANA 0 1 0
        KATAKANA 1 1 0
        0x0020 SPACE
        0x3041..0x309F HIRAGANA
        0x30A1..0x30FF KATAKANA  # katakana
        0x4E00..0x9FFF KANJI
        """;

    public const string UnkDef = """
        DEFAULT,1,1,5000,名詞,未知
        SPACE,1,1,5000,記号,空白
        KANJI,1,1,3000,名詞,未知
        HIRAGANA,1,1,5000,名詞,未知
        KATAKANA,1,1,2000,名詞,未知
        """;

    public const string Lexicon = """
        東京,1,1,1000,名詞,固有,とうきょう
        京都,1,1,1000,名詞,固有,きょうと
        東,1,1,3000,名詞,方角,ひがし
        は,2,2,500,助詞,係,は
        東,1,1,3500,名詞,固有,あずま
        に,2,2,500,助詞,格,に
        行く,1,1,2000,動詞,自立,いく
        """;

    public static string Dicrc(string charset) => $"""
        cost-factor = 800
        bos-feature = BOS/EOS,*,*
        eval-size = 6
        unk-eval-size = 4
        config-charset = {charset}

        """;

    /// <summary>Writes the sources into <paramref name="dir"/> in <paramref name="encoding"/> (UTF-8 when null).</summary>
    public static string Write(string dir, Encoding? encoding = null, string? lexicon = null, string? matrix = null)
    {
        encoding ??= new UTF8Encoding(false);
        Directory.CreateDirectory(dir);
        var charset = encoding.CodePage == 51932 ? "EUC-JP" : "UTF-8";
        void Put(string name, string text) => File.WriteAllBytes(Path.Combine(dir, name), encoding.GetBytes(text.ReplaceLineEndings("\n") + "\n"));
        Put("matrix.def", matrix ?? Matrix);
        Put("char.def", CharDef);
        Put("unk.def", UnkDef);
        Put("lex.csv", lexicon ?? Lexicon);
        File.WriteAllBytes(Path.Combine(dir, "dicrc"), encoding.GetBytes(Dicrc(charset).ReplaceLineEndings("\n")));
        return dir;
    }
}
