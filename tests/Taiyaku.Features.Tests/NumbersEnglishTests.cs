namespace Taiyaku.Features.Tests;

public class NumbersEnglishTests
{
    [Theory]
    // Digits.
    [InlineData("In 1980 the town moved.", "1980")]
    [InlineData("The capital moved to Heian-kyo in 794.", "794")]
    [InlineData("It cost 1,234.5 yen.", "1234.5")]
    [InlineData("Prices rose 0.9% last year.", "0.9")]
    [InlineData("Prices rose 0.9 percent last year.", "0.9")]
    [InlineData("It costs 2.50 now.", "2.5")]
    [InlineData("Class C57 and C56", "57|56")]
    [InlineData("ISBN 4-8460-0241-1", "4|8460|241|1")]
    [InlineData("He reigned 1338-58.", "1338|58")]
    [InlineData("at 10:30 in the morning", "10|30")]
    // Scale words after digits.
    [InlineData("A budget of 6 trillion yen was approved.", "6000000000000")]
    [InlineData("a deficit of 780 million dollars", "780000000")]
    [InlineData("about 2.5 billion people", "2500000000")]
    [InlineData("some 5 thousand soldiers", "5000")]
    // Ordinals and decades.
    [InlineData("the 21st century", "21")]
    [InlineData("the 1st and the 2nd and the 3rd and the 15th", "1|2|3|15")]
    [InlineData("in the 1980s", "1980")]
    // Spelled-out numbers.
    [InlineData("All the days of Methuselah were nine hundred sixty-nine years.", "969")]
    [InlineData("forty-two months", "42")]
    [InlineData("two thousand pigs", "2000")]
    [InlineData("a hundred and twenty years", "120")]
    [InlineData("one hundred clusters of raisins", "100")]
    [InlineData("a thousand and one nights", "1001")]
    [InlineData("one hundred forty-four thousand", "144000")]
    [InlineData("fifty thousand seventy men", "50070")]
    [InlineData("Saul has slain his thousands, David his ten thousands.", "10000")]
    [InlineData("He was twenty-three years old.", "23")]
    [InlineData("Two men stood by them.", "2")]
    [InlineData("two or three days", "2|3")]
    [InlineData("the twelve apostles and the seventy", "12|70")]
    [InlineData("nineteen hundred", "1900")]
    // Spelled ordinals, multiples, fractions.
    [InlineData("on the third day", "3")]
    [InlineData("the second month, on the seventeenth day", "2|17")]
    [InlineData("the twenty-first day of the month", "21")]
    [InlineData("a tenth of an ephah", "10")]
    [InlineData("two-thirds of the land", "2|3")]
    [InlineData("the light of the sun shall be sevenfold", "7")]
    [InlineData("he came twice", "2")]
    // Dates and Roman numerals.
    [InlineData("on April 25, 1950", "4|25|1950")]
    [InlineData("on 5 March 1950", "5|3|1950")]
    [InlineData("May 31 - passed away", "5|31")]
    [InlineData("in July the rains came", "7")]
    [InlineData("Henry VIII and World War II", "8|2")]
    public void Reads_numbers(string text, string expected) =>
        Assert.Equal(TestValues.Parse(expected), TestValues.English(text));

    [Theory]
    [InlineData("No one came to the first meeting.")]
    [InlineData("One of them said to one another.")]
    [InlineData("Thousands of people gathered; hundreds fled.")]
    [InlineData("You may go in March of the army.")]
    [InlineData("I said it was a thing of no weight.")]
    [InlineData("He went once and never returned.")]
    [InlineData("Tens of manifold blessings")]
    [InlineData("an often seen sight")]
    public void Ignores_non_numbers(string text) => Assert.Empty(TestValues.English(text));

    [Fact]
    public void Rejects_null_collection() =>
        Assert.Throws<ArgumentNullException>(() => Numbers.ExtractEnglish("three", null!));
}
