namespace Taiyaku.Alignment;

/// <summary>
/// A range of UTF-16 positions in the caller's original text: where a unit (a sentence, a piece of one, page
/// furniture) stands. One type for the segmenter, the pipeline and the writers.
/// </summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextRange(int Start, int Length)
{
    /// <summary>Index one past the last character.</summary>
    public int End => Start + Length;
}
