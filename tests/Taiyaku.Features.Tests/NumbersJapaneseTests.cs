namespace Taiyaku.Features.Tests;

public class NumbersJapaneseTests
{
    [Theory]
    // Digits: ASCII, full-width, separators, decimal points.
    [InlineData("1980年に京都へ移った。", "1980")]
    [InlineData("失業率は0.9%上昇した。", "0.9")]
    [InlineData("参加者は３０人であった。", "30")]
    [InlineData("総額は1,234,567円である。", "1234567")]
    [InlineData("価格は１，２３４．５円だった。", "1234.5")]
    [InlineData("毎月1.7.14日に縁日がある。", "1.7|14")]
    [InlineData("C57形蒸気機関車", "57")]
    // Scales mixed with digits.
    [InlineData("政府は6兆円の予算を組んだ。", "6000000000000")]
    [InlineData("損失は7億8千万ドルに達した。", "780000000")]
    [InlineData("人口は1万2000人である。", "12000")]
    [InlineData("改修費は約２．５億円。", "250000000")]
    [InlineData("１，０００万円の寄付", "10000000")]
    // Kanji numerals.
    [InlineData("ふたりは二十三日に帰った。", "2|23")]
    [InlineData("メトセラの年は合わせて九百六十九歳であった。", "969")]
    [InlineData("千九百八十年の記録", "1980")]
    [InlineData("一九八〇年と二〇〇五年", "1980|2005")]
    [InlineData("一万二千丁であった。", "12000")]
    [InlineData("印をおされた者は十四万四千人であった。", "144000")]
    [InlineData("彼らは四十日四十夜そこにいた。", "40|40")]
    [InlineData("第七の月の十日", "7|10")]
    [InlineData("廿三日", "23")]
    [InlineData("三拾人", "30")]
    [InlineData("その数は万の幾万倍、千の幾千倍もあって", "10000|1000")]
    // Single numerals before counters, units and kana.
    [InlineData("パン五つと二ひきの魚", "5|2")]
    [InlineData("三ヶ所に置いた。", "3")]
    [InlineData("長さ五キュビト、幅五キュビト", "5|5")]
    [InlineData("サウルは千を撃ち殺し、ダビデは万を撃ち殺した。", "1000|10000")]
    [InlineData("あかしの板二枚を手にして", "2")]
    [InlineData("その四つの足のすみ四か所", "4|4")]
    [InlineData("二、三日のうちに", "2|3")]
    [InlineData("十分の一を納める", "10")]
    [InlineData("五分の一をパロに納め、五分の四を自分のものとし", "5|5|4")]
    [InlineData("約五十人が集まった。", "50")]
    [InlineData("二度目に天から声がかかってきた。", "2")]
    [InlineData("ふつか生き延びるならば", "2")]
    public void Reads_numbers(string text, string expected) =>
        Assert.Equal(TestValues.Parse(expected), TestValues.Japanese(text));

    [Theory]
    // Lone 一 and kanji numerals inside words.
    [InlineData("彼らは一緒に行った。")]
    [InlineData("国家が統一された。")]
    [InlineData("一般に知られている。")]
    [InlineData("一部の人々")]
    [InlineData("唯一の神")]
    [InlineData("一つの石と一人の男")]
    [InlineData("万軍の主はこう言われる。")]
    [InlineData("天地万物を造られた。")]
    [InlineData("十字架につけられた。")]
    [InlineData("十分な食物があった。")]
    [InlineData("万が一のために備える。")]
    [InlineData("万歳を叫んだ。")]
    [InlineData("もう二度と来ない。")]
    [InlineData("落ち穂を拾った。")]
    [InlineData("八百万の神")]
    // Names and ranks.
    [InlineData("九条家は藤原氏の一門である。")]
    [InlineData("三重県と千葉県")]
    [InlineData("篠村八幡宮で兵を挙げた。")]
    [InlineData("百済から渡来した。")]
    [InlineData("後三条天皇")]
    [InlineData("二条城の二の丸")]
    [InlineData("直江兼続従五位下")]
    [InlineData("四条河原町から四神相応の地")]
    [InlineData("三年坂と千本通")]
    [InlineData("八ッ橋と三ノ宮")]
    [InlineData("吉田健三は")]
    // Vague and approximate numbers.
    [InlineData("数十人が集まった。")]
    [InlineData("何百もの家")]
    [InlineData("十数年後")]
    [InlineData("十五六人いた。")]
    [InlineData("三五里を隔てる")]
    // Era years.
    [InlineData("応永27年")]
    [InlineData("応永二十七年に")]
    [InlineData("文明13）")]
    public void Ignores_non_numbers(string text) => Assert.Empty(TestValues.Japanese(text));

    [Fact]
    public void Keeps_the_western_year_and_drops_the_era_year() =>
        Assert.Equal(TestValues.Parse("1420|1506"), TestValues.Japanese("雪舟（1420年（応永27年） - 1506年（永正3年））は"));

    [Fact]
    public void Normalises_trailing_zeros()
    {
        decimal value = Assert.Single(TestValues.Japanese("2.50倍"));
        Assert.Equal("2.5", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Skips_overlong_digit_strings() => Assert.Empty(TestValues.Japanese("番号123456789012345678901234567890"));

    [Fact]
    public void Rejects_null_collection() =>
        Assert.Throws<ArgumentNullException>(() => Numbers.ExtractJapanese("三人", null!));
}
