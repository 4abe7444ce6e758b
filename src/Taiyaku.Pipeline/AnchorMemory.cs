namespace Taiyaku.Pipeline;

/// <summary>
/// The memory a document's anchors will add to its alignment's peak, projected from an even sample of its sentences
/// before the rest are extracted (see <see cref="AnchorOptions.MemoryLimit"/>). Every structure the anchors make (the
/// items kept to the end, the packed anchors of both passes, the postings of each index, the anchored search's wider
/// band) grows with the sentences, their items and their keys.
/// </summary>
/// <remarks>
/// The three costs are fitted (least squares of the relative error) to the peak resident memory with anchors less the
/// peak with lengths alone, whole process, on seven documents from 180k to 2M sentences in all: the Bible, kyoto-wiki
/// and pydocs-dev repeated to about 100k sentences a side, the noisy pair of scripts/noisy-pair.py at 300k and 1M, the
/// raw document of scripts/stress.sh at 30 and 100 MB (8 to 53 keys a Japanese sentence). Every one is within 4 % of
/// its projection, plus about 100 MB that does not grow with the document (the lexicon, loaded whatever the document).
/// Measured with the runtime's default collector settings, which a library's host has unless it sets its own; the
/// command-line tool's (conserve memory, a higher large-object threshold) take less, so for it the projection errs high.
/// </remarks>
internal static class AnchorMemory
{
    /// <summary>Sentences a side in the sample: every sentence of a side of fewer than twice this.</summary>
    internal const int Sample = 2048;

    /// <summary>Bytes a sentence, an anchor item and an anchor key add (see the remarks).</summary>
    internal const double PerSentence = 258, PerItem = 15, PerKey = 60;

    /// <summary>The sample's stride on a side of <paramref name="count"/> sentences: one sentence is sampled in each
    /// stretch of this many (see <see cref="Sampled"/>); 1 samples every sentence.</summary>
    internal static int Stride(int count) => Math.Max(1, count / Sample);

    /// <summary>How many sentences a side of <paramref name="count"/> has in its sample.</summary>
    internal static int SampleCount(int count, int stride) => (count + stride - 1) / stride;

    /// <summary>
    /// The sample's <paramref name="k"/>-th sentence: one in the k-th stretch of <paramref name="stride"/> sentences, at
    /// a place that a fixed hash of k chooses. Not always the stretch's first: a document that repeats with a period
    /// dividing the stride (a table, generated text) would give a sample of one kind of sentence.
    /// </summary>
    internal static int Sampled(int k, int stride, int count)
    {
        int start = k * stride, length = Math.Min(stride, count - start);
        uint h = (uint)k * 0x9E3779B9u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return start + (int)(h % (uint)length);
    }

    /// <summary>The projection, in bytes, from the sampled sentences' items (see <see cref="Sampled"/>; the others may be null).</summary>
    internal static long Project(AnchorItem[][] japanese, int japaneseStride, AnchorItem[][] english, int englishStride) =>
        (long)Math.Min(long.MaxValue, Side(japanese, japaneseStride) + Side(english, englishStride));

    private static double Side(AnchorItem[][] items, int stride)
    {
        int sampled = SampleCount(items.Length, stride);
        if (sampled == 0) return 0;
        long itemCount = 0, keyCount = 0;
        for (int k = 0; k < sampled; k++)
        {
            var sentence = items[Sampled(k, stride, items.Length)];
            itemCount += sentence.Length;
            foreach (var item in sentence) keyCount += item.KeyCount;
        }
        return items.Length * (PerSentence + (PerItem * itemCount + PerKey * keyCount) / sampled);
    }
}
