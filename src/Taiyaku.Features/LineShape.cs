namespace Taiyaku.Features;

/// <summary>
/// What a line's shape says about whether it belongs to the running text (see <see cref="LineShapes"/>): page
/// furniture, markings and editorial notes are often on one side of a translation only.
/// </summary>
public enum LineShape
{
    /// <summary>Running text, or nothing to tell.</summary>
    Ordinary,

    /// <summary>
    /// No letter of its side's own script (kana or kanji for Japanese, Latin for English): a page number, a stamp of
    /// symbols, a line in the other language.
    /// </summary>
    OtherScript,

    /// <summary>The whole line inside one pair of brackets: a translator's or editor's note, a caption.</summary>
    Bracketed,

    /// <summary>English letters, none of them lower case: a marking (CONFIDENTIAL), a stamp, a heading in capitals.</summary>
    Capitals,
}
