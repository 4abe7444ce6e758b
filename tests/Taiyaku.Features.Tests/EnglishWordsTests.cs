namespace Taiyaku.Features.Tests;

public class EnglishWordsTests
{
    [Theory]
    [InlineData("the")]
    [InlineData("a")]
    [InlineData("of")]
    [InlineData("to")]
    [InlineData("be")]
    [InlineData("is")]
    [InlineData("was")]
    [InlineData("have")]
    [InlineData("not")]
    [InlineData("that")]
    [InlineData("which")]
    [InlineData("shall")]
    [InlineData("unto")]
    [InlineData("thee")]
    [InlineData("thou")]
    [InlineData("thy")]
    [InlineData("ye")]
    [InlineData("hath")]
    [InlineData("upon")]
    [InlineData("therefore")]
    public void Knows_stop_words(string word) => Assert.True(EnglishWords.IsStopWord(word));

    [Theory]
    [InlineData("mountain")]
    [InlineData("god")]
    [InlineData("said")]
    [InlineData("behold")]
    [InlineData("kyoto")]
    [InlineData("The")]
    [InlineData("")]
    public void Keeps_content_words(string word) => Assert.False(EnglishWords.IsStopWord(word));

    [Theory]
    // Plurals and possessives.
    [InlineData("mountains", "mountain")]
    [InlineData("cities", "city")]
    [InlineData("churches", "church")]
    [InlineData("boxes", "box")]
    [InlineData("horses", "horse")]
    [InlineData("houses", "house")]
    [InlineData("days", "day")]
    [InlineData("men's", "man")]
    [InlineData("god's", "god")]
    [InlineData("god’s", "god")]
    [InlineData("kings'", "king")]
    // -ed and -ing.
    [InlineData("loved", "love")]
    [InlineData("walked", "walk")]
    [InlineData("stopped", "stop")]
    [InlineData("called", "call")]
    [InlineData("blessed", "bless")]
    [InlineData("created", "create")]
    [InlineData("located", "locate")]
    [InlineData("believed", "believe")]
    [InlineData("troubled", "trouble")]
    [InlineData("caused", "cause")]
    [InlineData("judged", "judge")]
    [InlineData("carried", "carry")]
    [InlineData("played", "play")]
    [InlineData("answered", "answer")]
    [InlineData("running", "run")]
    [InlineData("giving", "give")]
    [InlineData("taking", "take")]
    [InlineData("seeing", "see")]
    [InlineData("eating", "eat")]
    [InlineData("writing", "write")]
    [InlineData("dwelling", "dwell")]
    [InlineData("offering", "offer")]
    [InlineData("offerings", "offer")]
    // -ly.
    [InlineData("greatly", "great")]
    [InlineData("surely", "sure")]
    [InlineData("humbly", "humble")]
    [InlineData("happily", "happy")]
    // Irregular forms.
    [InlineData("gave", "give")]
    [InlineData("given", "give")]
    [InlineData("went", "go")]
    [InlineData("going", "go")]
    [InlineData("men", "man")]
    [InlineData("women", "woman")]
    [InlineData("children", "child")]
    [InlineData("said", "say")]
    [InlineData("came", "come")]
    [InlineData("took", "take")]
    [InlineData("saw", "see")]
    [InlineData("made", "make")]
    [InlineData("brethren", "brother")]
    [InlineData("lives", "life")]
    [InlineData("slain", "slay")]
    [InlineData("feet", "foot")]
    // Words that only look inflected, and short words.
    [InlineData("hundred", "hundred")]
    [InlineData("hundreds", "hundred")]
    [InlineData("morning", "morning")]
    [InlineData("things", "thing")]
    [InlineData("king", "king")]
    [InlineData("family", "family")]
    [InlineData("holy", "holy")]
    [InlineData("news", "news")]
    [InlineData("need", "need")]
    [InlineData("speed", "speed")]
    [InlineData("focus", "focus")]
    [InlineData("bless", "bless")]
    [InlineData("sin", "sin")]
    [InlineData("", "")]
    public void Stems_english_words(string word, string expected) => Assert.Equal(expected, EnglishWords.Stem(word));

    [Fact]
    public void Returns_the_same_instance_when_unchanged()
    {
        string word = "mountain";
        Assert.Same(word, EnglishWords.Stem(word));
    }

    [Fact]
    public void Stems_into_a_buffer()
    {
        Span<char> buffer = stackalloc char[16];
        int n = EnglishWords.Stem("met", buffer);
        Assert.Equal("meet", buffer[..n].ToString());
        Assert.Throws<ArgumentException>(() => EnglishWords.Stem("mountains", new char[9]));
    }

    [Fact]
    public void Stem_is_idempotent_on_common_words()
    {
        foreach (string word in TestData.CommonWords)
        {
            string stem = EnglishWords.Stem(word);
            Assert.Equal(stem, EnglishWords.Stem(stem));
        }
    }
}
