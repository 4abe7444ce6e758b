using Taiyaku.Alignment;

namespace Taiyaku.Formats;

/// <summary>A link together with the text of its sentences, ready to be written.</summary>
/// <param name="Link">The sentence indices of both sides.</param>
/// <param name="SourceText">The source sentences of the link, joined; empty for an insertion.</param>
/// <param name="TargetText">The target sentences of the link, joined; empty for a deletion.</param>
/// <param name="Cost">The link's cost under the aligner's model (lower is better).</param>
public sealed record AlignedText(IndexLink Link, string SourceText, string TargetText, double Cost)
{
    /// <summary>
    /// Pairs each link of <paramref name="result"/> with its sentences. Sentences of one side are joined with
    /// <paramref name="sourceJoiner"/> / <paramref name="targetJoiner"/> (e.g. nothing for Japanese, a space for English).
    /// </summary>
    public static IReadOnlyList<AlignedText> Create(
        AlignmentResult result, IReadOnlyList<string> sourceSentences, IReadOnlyList<string> targetSentences,
        string sourceJoiner = "", string targetJoiner = " ")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(sourceSentences);
        ArgumentNullException.ThrowIfNull(targetSentences);
        if (result.SourceCount != sourceSentences.Count || result.TargetCount != targetSentences.Count)
            throw new ArgumentException("The result was not computed for these sentences.", nameof(result));
        var list = new List<AlignedText>(result.Links.Count);
        foreach (var l in result.Links)
        {
            list.Add(new AlignedText(
                IndexLink.From(l),
                string.Join(sourceJoiner, Slice(sourceSentences, l.SourceStart, l.SourceCount)),
                string.Join(targetJoiner, Slice(targetSentences, l.TargetStart, l.TargetCount)),
                l.Cost));
        }
        return list;
    }

    private static IEnumerable<string> Slice(IReadOnlyList<string> list, int start, int count)
    {
        for (int i = start; i < start + count; i++) yield return list[i];
    }
}
