using CsCheck;

namespace Taiyaku.Features.Tests;

/// <summary>Arbitrary input never throws and gives consistent results.</summary>
public class RobustnessTests
{
    // Mostly characters the functions care about, plus anything.
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Char["0123456789０１２３４５６７８９,.，．〇零一二三四五六七八九十百千万億兆拾廿第約数年人つのをキュビトア・ー"],
        Gen.Char["abcdefghijklmnopqrstuvwxyzABCJMVXI -'%"],
        Gen.Char).Array[0, 40].Select(cs => new string(cs));

    private static readonly Gen<string> Kana = Gen.Char['\u3041', '\u30FF'].Array[0, 30].Select(cs => new string(cs));

    [Fact]
    public void Numbers_never_throw() => Text.Sample(s =>
    {
        var values = new List<decimal>();
        Numbers.ExtractJapanese(s, values);
        Numbers.ExtractEnglish(s, values);
        Assert.All(values, v => Assert.True(v >= 0));
    });

    [Fact]
    public void Romaji_is_lower_ascii_or_empty() => Gen.OneOf(Kana, Text).Sample(s =>
    {
        string r = Romaji.FromKana(s);
        Assert.All(r, c => Assert.True(c is (>= 'a' and <= 'z') or ' ' or '\''));
        Assert.False(r.StartsWith(' ') || r.EndsWith(' '));
    });

    [Fact]
    public void Phonetic_keys_never_throw() => Gen.OneOf(Kana, Text).Sample(s =>
    {
        PhoneticKey.TryFromKana(s, out _);
        PhoneticKey.TryFromLatin(s, out _);
        PhoneticKey.AddKanaWordKeys(s, new List<ulong>());
    });

    [Fact]
    public void Stem_never_grows_much() => Gen.Char['a', 'z'].Array[0, 20].Select(cs => new string(cs)).Sample(s =>
    {
        string stem = EnglishWords.Stem(s);
        Assert.True(stem.Length <= s.Length + 2);
        Assert.False(EnglishWords.IsStopWord(s) && s.Length > 20);
    });

    [Fact]
    public void Thread_safe() => Text.Sample(s =>
    {
        var a = new List<decimal>();
        Numbers.ExtractJapanese(s, a);
        var results = new List<decimal>[8];
        Parallel.For(0, results.Length, i =>
        {
            results[i] = [];
            Numbers.ExtractJapanese(s, results[i]);
        });
        Assert.All(results, r => Assert.Equal(a, r));
    }, iter: 200);
}
