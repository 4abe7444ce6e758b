namespace Taiyaku.Text;

/// <summary>How a document holding both languages lays them out (see <see cref="BilingualText.Layout"/>).</summary>
public enum BilingualLayout
{
    /// <summary>The Japanese text in one block, then the English (metadata may stand before, between or after).</summary>
    JapaneseThenEnglish,

    /// <summary>The English text in one block, then the Japanese.</summary>
    EnglishThenJapanese,

    /// <summary>A Japanese line, then its English line (or the other way round), and so on.</summary>
    AlternatingLines,

    /// <summary>A Japanese paragraph, then its English paragraph (or the other way round), and so on.</summary>
    AlternatingParagraphs,

    /// <summary>One pair per line, the two languages separated by a tab (two-column TSV).</summary>
    TabSeparated,

    /// <summary>One pair per line, separated by " / ".</summary>
    SlashSeparated,

    /// <summary>One pair per line, separated by " | ".</summary>
    BarSeparated,

    /// <summary>Two-column CSV: one pair per record, fields quoted as RFC 4180 allows.</summary>
    Csv,
}

/// <summary>
/// A pair the file itself makes (a line, a record, or a paragraph and its translation): sentences
/// [<paramref name="JapaneseStart"/>, +<paramref name="JapaneseCount"/>) translate sentences
/// [<paramref name="EnglishStart"/>, +<paramref name="EnglishCount"/>). Either side may be empty.
/// </summary>
/// <param name="JapaneseStart">Index of the first Japanese sentence (into <see cref="SegmentedText.Sentences"/>).</param>
/// <param name="JapaneseCount">Number of Japanese sentences.</param>
/// <param name="EnglishStart">Index of the first English sentence.</param>
/// <param name="EnglishCount">Number of English sentences.</param>
public sealed record SentencePairing(int JapaneseStart, int JapaneseCount, int EnglishStart, int EnglishCount);
