namespace Taiyaku.Features.Tests;

public class RomajiTests
{
    [Theory]
    [InlineData("トヨタ", "toyota")]
    [InlineData("レーガン", "regan")]
    [InlineData("ニネベ", "ninebe")]
    [InlineData("アブラハム", "aburahamu")]
    [InlineData("エルサレム", "erusaremu")]
    [InlineData("キヨミズデラ", "kiyomizudera")]
    [InlineData("キョウト", "kyoto")]
    [InlineData("トウキョウ", "tokyo")]
    [InlineData("コンピューター", "konpyuta")]
    [InlineData("せっしゅう", "sesshu")]
    [InlineData("じゅらくじょう", "jurakujo")]
    [InlineData("おおさか", "osaka")]
    [InlineData("ほうおう", "hoo")]
    [InlineData("せいめい", "seimei")]
    [InlineData("にいがた", "niigata")]
    [InlineData("しっちゅう", "shitchu")]
    [InlineData("マッチ", "matchi")]
    [InlineData("ミッツ", "mittsu")]
    [InlineData("きんよう", "kin'yo")]
    [InlineData("ぐんま", "gunma")]
    [InlineData("ファラオ", "farao")]
    [InlineData("フィリップ", "firippu")]
    [InlineData("ティー", "ti")]
    [InlineData("ディーゼル", "dizeru")]
    [InlineData("トゥール", "turu")]
    [InlineData("ウィリアム", "wiriamu")]
    [InlineData("ウォーター", "wota")]
    [InlineData("シェークスピア", "shekusupia")]
    [InlineData("ジェット", "jetto")]
    [InlineData("チェロ", "chero")]
    [InlineData("ツァー", "tsa")]
    [InlineData("イェール", "yeru")]
    [InlineData("ヴァイオリン", "vaiorin")]
    [InlineData("ヴィーナス", "vinasu")]
    [InlineData("ヂベオン", "jibeon")]
    [InlineData("ミヅパ", "mizupa")]
    [InlineData("クァルテット", "kwarutetto")]
    [InlineData("ヲ", "o")]
    [InlineData("さゝき", "sasaki")]
    [InlineData("いすゞ", "isuzu")]
    [InlineData("アシカガ・タカウジ", "ashikaga takauji")]
    [InlineData("・アシカガ・・タカウジ・", "ashikaga takauji")]
    public void Romanises_kana(string kana, string expected) => Assert.Equal(expected, Romaji.FromKana(kana));

    [Theory]
    [InlineData("")]
    [InlineData("漢字")]
    [InlineData("トヨタ自動車")]
    [InlineData("toyota")]
    [InlineData("トヨタ 2")]
    [InlineData("ｱｲｳ")]
    [InlineData("ゝ")]
    [InlineData("ー")]
    [InlineData("・")]
    public void Gives_empty_for_other_text(string text) => Assert.Equal("", Romaji.FromKana(text));

    [Fact]
    public void Splits_words()
    {
        Assert.Equal(["ashikaga", "takauji"], Romaji.SplitWords("アシカガ・タカウジ"));
        Assert.Equal(["joji", "washinton"], Romaji.SplitWords("ジョージ＝ワシントン"));
        Assert.Empty(Romaji.SplitWords("足利"));
    }

    [Fact]
    public void Handles_long_input()
    {
        string kana = string.Concat(Enumerable.Repeat("カタカナ", 100));
        Assert.Equal(string.Concat(Enumerable.Repeat("katakana", 100)), Romaji.FromKana(kana));
    }
}
