using Taiyaku.Features;

namespace Taiyaku.Features.Tests;

/// <summary>Line shapes, on lines checked by hand: page stamps, markings, notes and other-language lines against running text.</summary>
public class LineShapesTests
{
    [Theory]
    [InlineData("－ 3 －", LineShape.OtherScript)]
    [InlineData("4/12", LineShape.OtherScript)]
    [InlineData("This page was left blank in the original.", LineShape.OtherScript)]
    [InlineData("[TN: blacked out]", LineShape.OtherScript)]
    [InlineData("（欄外に手書きの書き込みあり）", LineShape.Bracketed)]
    [InlineData("【極秘】", LineShape.Bracketed)]
    [InlineData("東京は日本の首都である。", LineShape.Ordinary)]
    [InlineData("GDPは増えた。", LineShape.Ordinary)]
    [InlineData("𠮷野家の牛丼", LineShape.Ordinary)]          // a kanji outside the BMP
    [InlineData("ｶﾀｶﾅ", LineShape.Ordinary)]                  // halfwidth katakana
    [InlineData("（a）は（b）より大きい", LineShape.Ordinary)]  // the first bracket closes before the end
    [InlineData("秘 無期限", LineShape.Ordinary)]              // a marking in kanji: nothing in its shape tells
    [InlineData("", LineShape.Ordinary)]
    [InlineData("  ", LineShape.Ordinary)]
    public void Japanese(string line, LineShape expected) => Assert.Equal(expected, LineShapes.OfJapanese(line));

    [Theory]
    [InlineData("- 12 -", LineShape.OtherScript)]
    [InlineData("本電報は大臣限りとする。", LineShape.OtherScript)]
    [InlineData("(1989).", LineShape.OtherScript)]
    [InlineData("CONFIDENTIAL", LineShape.Capitals)]
    [InlineData("ISBN 4642051503.", LineShape.Capitals)]
    [InlineData("(page missing from the scan)", LineShape.Bracketed)]
    [InlineData("[TN: illegible in the original]", LineShape.Bracketed)]
    [InlineData("(PHOTOGRAPH)", LineShape.Bracketed)]
    [InlineData("Tokyo is the capital of Japan.", LineShape.Ordinary)]
    [InlineData("(a) one thing and (b) another", LineShape.Ordinary)]
    [InlineData("Ｔｏｋｙｏ ｉｓ ｂｉｇ", LineShape.Ordinary)]    // fullwidth Latin
    [InlineData("Café au lait", LineShape.Ordinary)]
    [InlineData("I", LineShape.Ordinary)]                    // one capital letter is a word, not a marking
    [InlineData("Émile ZOLA", LineShape.Ordinary)]
    [InlineData("  CONFIDENTIAL  ", LineShape.Capitals)]
    public void English(string line, LineShape expected) => Assert.Equal(expected, LineShapes.OfEnglish(line));

    [Fact]
    public void Null_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => LineShapes.OfJapanese(null!));
        Assert.Throws<ArgumentNullException>(() => LineShapes.OfEnglish(null!));
    }
}
