using CsCheck;
using Taiyaku.Features;

namespace Taiyaku.Edict.Tests;

/// <summary>
/// The shipped lexicon, checked against the lines of Debian's /usr/share/edict/edict (2021-02-03) quoted beside each case.
/// </summary>
public class LexiconTests
{
    private static EdictLexicon Lexicon => EdictLexicon.Default;

    private static IReadOnlyList<string> Words(string japanese)
    {
        Assert.True(Lexicon.TryGetTranslations(japanese, out var words), $"{japanese} should be in the lexicon");
        return words;
    }

    [Theory]
    // 山 [やま] /(n,ctr) (1) mountain/hill/(n,ctr) (2) mine (e.g. coal mine)/.../(P)/  山 [さん] /(suf) (1) Mt./Mount/...
    [InlineData("山", "mountain")]
    // 行く [いく] /(v5k-s,vi) (1) to go/to move (in a direction or towards a specific location)/.../(P)/
    [InlineData("行く", "go")]
    // 京都 [きょうと] /(n) Kyoto (city, prefecture)/(P)/
    [InlineData("京都", "kyoto")]
    // 美しい [うつくしい] /(adj-i) beautiful/pretty/lovely/sweet/pure (heart, friendship, etc.)/(P)/
    [InlineData("美しい", "beautiful")]
    // 天皇 [てんのう] /(n) Emperor of Japan/(P)/
    [InlineData("天皇", "emperor")]
    // 神 [かみ] /(n) (1) god/deity/divinity/spirit/kami/.../(P)/
    [InlineData("神", "god")]
    // 寺 [てら] /(n) temple (Buddhist)/(P)/
    [InlineData("寺", "temple")]
    // 城 [しろ] /(n) castle/(P)/
    [InlineData("城", "castle")]
    // 川 [かわ] /(n) (1) river/stream/(suf) (2) River/the ... river/(P)/
    [InlineData("川", "river")]
    // カメラ /(n) camera/(P)/   (a kana-only headword)
    [InlineData("カメラ", "camera")]
    // 綺麗 [きれい] /(adj-na) (1) (uk) pretty/lovely/beautiful/fair/...   (reading of a common "usually kana" word)
    [InlineData("きれい", "pretty")]
    // 煙草 [たばこ] /(gikun) (n) (1) (uk) tobacco (por: tabaco)/cigarette/.../(P)/
    [InlineData("たばこ", "tobacco")]
    public void Common_words_lead_with_their_first_gloss(string japanese, string first)
    {
        Assert.Equal(first, Words(japanese)[0]);
    }

    [Fact]
    public void Entries_of_one_headword_are_merged_common_first_then_sense_by_sense()
    {
        // 山 [やま] (P) comes first; 山 [さん] /(suf) (1) Mt./Mount/ still gets in before やま's later senses.
        var words = Words("山");
        Assert.Equal(["mountain", "hill"], words.Take(2));
        Assert.Contains("mount", words);
        // 山 [やま] sense (12) is (arch) "temple" and sense (11) is mahjong "wall": both left out.
        Assert.DoesNotContain("temple", words);
        Assert.DoesNotContain("wall", words);
        // 神 [かみ] (P) god/deity/... then 神 [かむ] divine/godly.
        Assert.Equal(["god", "deity", "divinity", "spirit", "kami"], Words("神").Take(5));
        Assert.Contains("divine", Words("神"));
        // 城 [しろ] castle (P), 城 [き] fortress (surrounded by a wall, moat, etc.): the note is dropped.
        Assert.Equal(["castle", "fortress"], Words("城"));
        Assert.Equal(["kyoto"], Words("京都"));
    }

    [Fact]
    public void Notes_tags_and_parentheticals_are_not_words()
    {
        // 行く: "(v5k-s,vi) (1) to go/to move (in a direction or towards a specific location)/to head (towards)/..."
        var go = Words("行く");
        Assert.Equal(["go", "move", "head"], go.Take(3));
        foreach (string w in go)
            Assert.DoesNotContain(w, new[] { "v5k", "vi", "direction", "location", "towards", "p", "uk", "orgasm" });
        // 煙草: "tobacco (por: tabaco)" — the etymology note goes.
        Assert.DoesNotContain("por", Words("たばこ"));
        Assert.DoesNotContain("tabaco", Words("たばこ"));
    }

    [Fact]
    public void Readings_are_keys_only_for_common_words_usually_written_in_kana()
    {
        Assert.Contains("beautiful", Words("きれい"));                 // 綺麗 [きれい] (uk) (P)
        Assert.False(Lexicon.TryGetTranslations("やま", out var none));   // 山 [やま] is written in kanji
        Assert.Empty(none);
        // のみ: 鑿 [のみ] /(n) (uk) chisel/ is rare; の + み as a particle must not mean "chisel".
        Assert.False(Lexicon.TryGetTranslations("のみ", out _));
    }

    [Theory]
    [InlineData("する")]
    [InlineData("こと")]
    [InlineData("ある")]
    [InlineData("の")]
    [InlineData("は")]
    public void Kana_grammar_is_not_looked_up(string japanese)
    {
        Assert.False(Lexicon.TryGetTranslations(japanese, out var words));
        Assert.Empty(words);
    }

    [Fact]
    public void Kanji_spellings_of_grammatical_words_stay()
    {
        // 事 [こと] /(n) (1) (uk) thing/matter/...(P)/
        Assert.Equal("thing", Words("事")[0]);
    }

    [Fact]
    public void Half_width_katakana_is_normalised()
    {
        Assert.Equal(Words("カメラ"), Words("ｶﾒﾗ"));
    }

    [Fact]
    public void Unknown_words_give_false_and_an_empty_list()
    {
        Assert.False(Lexicon.TryGetTranslations("ほげほげ語", out var words));
        Assert.Empty(words);
        Assert.False(Lexicon.TryGetTranslations("", out _));
        Assert.False(Lexicon.TryGetTranslations("\uD800", out _));   // a lone surrogate does not throw
        Assert.Throws<ArgumentNullException>(() => Lexicon.TryGetTranslations(null!, out _));
    }

    [Fact]
    public void Every_value_is_lower_case_content_words_without_stop_words_or_duplicates()
    {
        Assert.InRange(Lexicon.Count, 150_000, 400_000);
        foreach (var (key, words) in Lexicon.Entries)
        {
            Assert.NotEmpty(words);
            Assert.InRange(words.Count, 1, ConverterSettings.Default.MaxWordsPerKey);
            Assert.Equal(words.Count, words.Distinct().Count());
            foreach (string w in words)
            {
                Assert.False(GlossWords.StopWords.Contains(w), $"{key}: stop word '{w}'");
                Assert.True(w.Length >= 2 && w.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '\''), $"{key}: '{w}'");
            }
        }
    }

    [Fact]
    public void Named_stop_words_are_never_returned()
    {
        string[] stop = ["a", "an", "the", "to", "of", "be", "something", "someone", "one's", "oneself", "etc", "do", "have"];
        Assert.DoesNotContain(Lexicon.Entries, e => e.Value.Any(stop.Contains));
    }

    [Fact]
    public void Lookups_agree_with_the_table_and_never_throw()
    {
        var keys = Lexicon.Entries.Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();
        Gen.Int[0, keys.Length - 1].Sample(i =>
        {
            Assert.True(Lexicon.TryGetTranslations(keys[i], out var words));
            Assert.NotEmpty(words);
        });
        Gen.String.Sample(s =>
        {
            bool found = Lexicon.TryGetTranslations(s, out var words);
            Assert.Equal(found, words.Count > 0);
        });
    }

    [Fact]
    public void It_is_an_IBilingualLexicon()
    {
        IBilingualLexicon lexicon = EdictLexicon.Default;
        Assert.True(lexicon.TryGetTranslations("寺", out var words));
        Assert.Contains("temple", words);
        Assert.Same(EdictLexicon.Default, EdictLexicon.Default);
    }

    [Fact]
    public void Returned_lists_cannot_be_modified()
    {
        var words = Words("山");
        Assert.False(words is string[]);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)words)[0] = "x");
    }
}
