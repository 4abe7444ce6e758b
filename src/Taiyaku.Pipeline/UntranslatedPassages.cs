using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

/// <summary>
/// How a parameter set finds and aligns documents with untranslated or added passages, so that one set serves complete
/// and partial translations: each document is first aligned with <see cref="Parameters"/> (fitted on text with such
/// passages: unaligned sentences decided on lexical evidence), and that alignment is kept when it leaves at least
/// <see cref="MinBlockShare"/> of the text (by length, both sides counted) in one-sided blocks (runs of two or more
/// links without counterpart); otherwise the enclosing parameters make the final pass, from the first pass of
/// <see cref="Parameters"/> and the translations learned from it. <see cref="AlignmentParameters.Default"/> holds one.
/// </summary>
/// <remarks>
/// Only blocks count: complete translations also get an isolated unaligned sentence now and then (a split the partial
/// parameters read as a deletion), and now and then two short ones in a row (list items, headings), but hardly ever
/// a stretch of text. The threshold was set on the development corpora (see the README): every complete translation
/// there stays at or below 0.0036 of its text, and any threshold from 0.004 to 0.012 picks the same documents. Without
/// anchors (length-only alignment) the enclosing parameters are used.
/// </remarks>
/// <param name="Parameters">The parameters tried first; they must measure lengths as the enclosing set does and hold no
/// <see cref="AlignmentParameters.Untranslated"/> of their own.</param>
/// <param name="MinBlockShare">Share of the text (by length, both sides counted) in one-sided blocks from which the parameters for untranslated passages are kept, in [0, 1].</param>
public sealed record UntranslatedPassages(AlignmentParameters Parameters, double MinBlockShare)
{
    /// <summary>
    /// The share of the text, by length (both sides counted), that <paramref name="result"/> leaves in one-sided blocks:
    /// runs of two or more consecutive links that each have an empty side.
    /// </summary>
    /// <param name="result">An alignment of the sentences measured by the two lists.</param>
    /// <param name="sourceLengths">Each source (Japanese) sentence's length.</param>
    /// <param name="targetLengths">Each target (English) sentence's length.</param>
    /// <exception cref="ArgumentException">A list does not have one length per sentence of <paramref name="result"/>.</exception>
    public static double BlockShare(AlignmentResult result, IReadOnlyList<int> sourceLengths, IReadOnlyList<int> targetLengths)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(sourceLengths);
        ArgumentNullException.ThrowIfNull(targetLengths);
        if (sourceLengths.Count != result.SourceCount || targetLengths.Count != result.TargetCount)
            throw new ArgumentException("One length per sentence of the alignment is needed.", nameof(sourceLengths));
        var links = result.Links;
        long total = 0, inBlocks = 0, run = 0;
        int runLinks = 0;
        for (int k = 0; k <= links.Count; k++)
        {
            if (k < links.Count && (links[k].SourceCount == 0 || links[k].TargetCount == 0))
            {
                run += Length(links[k]);
                runLinks++;
                continue;
            }
            if (runLinks >= 2) inBlocks += run;
            run = 0;
            runLinks = 0;
        }
        foreach (int l in sourceLengths) total += l;
        foreach (int l in targetLengths) total += l;
        return total == 0 ? 0 : (double)inBlocks / total;

        long Length(Link l)
        {
            long sum = 0;
            for (int i = l.SourceStart; i < l.SourceEnd; i++) sum += sourceLengths[i];
            for (int j = l.TargetStart; j < l.TargetEnd; j++) sum += targetLengths[j];
            return sum;
        }
    }
}
