using Taiyaku.Text;

namespace Taiyaku.Text.Tests;

public class EnglishSegmentationTests
{
    private static string[] Sentences(string text) =>
        new SentenceSegmenter().SegmentEnglish(text).Sentences.Select(s => s.Text).ToArray();

    [Fact]
    public void Abbreviations_do_not_end_a_sentence() =>
        Assert.Equal(
            ["Mr. Smith went to the U.S. on Feb. 12, 1994, with Dr. Jones.", "He sent Cable No. 1468 there.", "No. 1456 came first."],
            Sentences("Mr. Smith went to the U.S. on Feb. 12, 1994, with Dr. Jones. He sent Cable No. 1468 there. No. 1456 came first."));

    [Fact]
    public void No_alone_can_end_a_sentence() =>
        Assert.Equal(["Did he agree?", "No.", "He refused."], Sentences("Did he agree? No. He refused."));

    [Fact]
    public void Questions_and_exclamations_end_sentences() =>
        Assert.Equal(["Is it so?", "Yes!", "Fine."], Sentences("Is it so? Yes! Fine."));

    [Fact]
    public void Wrapped_lines_are_joined_with_a_space() =>
        Assert.Equal(["Cable No. 1468, Ambassador Kuriyama to the Foreign Minister."], Sentences("Cable No. 1468, Ambassador Kuriyama to the  \nForeign Minister."));

    [Fact]
    public void Blank_lines_separate_paragraphs() =>
        Assert.Equal(["Title", "Body text."], Sentences("Title\n\nBody text."));

    [Fact]
    public void Sentence_broken_across_a_blank_line_is_rejoined_when_it_continues_in_lower_case() =>
        Assert.Equal(["We have come to the point of reaching agreement.", "Next."],
            Sentences("We have come to the point of\n\nreaching agreement. Next."));

    [Fact]
    public void Parenthetical_after_a_sentence_starts_the_next() =>
        Assert.Equal(["They lose their jobs.", "(laughter) After a cooling off period, we go on."],
            Sentences("They lose their jobs. (laughter) After a cooling off period, we go on."));

    [Fact]
    public void Words_and_numbers_are_counted_without_punctuation() =>
        Assert.Equal(8, EnglishText.CountWords("The U.S. spent $5.5 billion, in 1994 (roughly)."));
}
