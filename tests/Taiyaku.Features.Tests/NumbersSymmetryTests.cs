namespace Taiyaku.Features.Tests;

/// <summary>Hand-written translation pairs: the same quantities must give the same multiset of values.</summary>
public class NumbersSymmetryTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        { "政府は6兆円の予算を承認した。", "The government approved a budget of 6 trillion yen." },
        { "赤字は7億8千万ドルに達した。", "The deficit reached 780 million dollars." },
        { "1980年、町の人口は1万2000人であった。", "In 1980 the town had 12,000 inhabitants." },
        { "失業率は0.9%上昇した。", "The unemployment rate rose 0.9 percent." },
        { "メトセラの年は合わせて九百六十九歳であった。", "All the days of Methuselah were nine hundred sixty-nine years." },
        { "ダビデは三十歳で王となり、四十年の間、世を治めた。", "David was thirty years old when he began to reign, and he reigned forty years." },
        { "モーセは四十日四十夜、そこにいた。", "Moses was there forty days and forty nights." },
        { "彼らは一緒に行き、ふたりとも帰らなかった。", "They went together, and the two of them did not return." },
        { "その国は統一され、一般の民もその一部となった。", "The country was unified, and the common people became part of it." },
        { "延暦13年（794年）、都は平安京に移された。", "In 794 the capital was moved to Heian-kyo." },
        { "15世紀後半に活躍した画家である。", "He was a painter active in the latter half of the 15th century." },
        { "また金の環四つを造り、二つをこちら側に付けた。", "He made four rings of gold, and put two rings on this side." },
        { "第三の日に、アブラハムは目をあげた。", "On the third day Abraham lifted up his eyes." },
        { "食べた者は、女と子供を除いて五千人であった。", "Those who ate were about five thousand men, besides women and children." },
        { "印をおされた者は十四万四千人であった。", "Those who were sealed were one hundred forty-four thousand." },
        { "二〇〇五年四月二十五日に開業した。", "It opened on April 25, 2005." },
        { "ひとりの男が三度やって来た。", "A man came three times." },
        { "あなたは十分の一を納めなければならない。", "You shall give a tenth." },
        { "彼は十分に休み、万軍の主をたたえた。", "He rested well and praised Yahweh of Armies." },
        { "全長約2.5キロメートルの路線で、駅は十一ある。", "The line is about 2.5 kilometers long and has eleven stations." },
        { "東海道五十三次", "The 53 Stations of the Tokaido" },
        { "第二の子をヤコブに産んだ。", "She bore Jacob a second son." },
        { "日の光は七倍となる。", "The light of the sun shall be sevenfold." },
        { "九条家は二条城の近くにあった。", "The Kujo family lived near Nijo Castle." },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Same_quantities_give_same_values(string japanese, string english)
    {
        decimal[] ja = TestValues.Japanese(japanese);
        decimal[] en = TestValues.English(english);
        Array.Sort(ja);
        Array.Sort(en);
        Assert.Equal(en, ja);
    }
}
