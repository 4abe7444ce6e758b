using Taiyaku.Formats;
using Taiyaku.Pipeline;
using Taiyaku.Text;

namespace Taiyaku.Evaluation;

/// <summary>A link between lines of two files, with the lowest score of the sentence links it was made of.</summary>
/// <param name="Link">Line indices (0-based) of the Japanese file and of the English file.</param>
/// <param name="Score">The lowest score of the sentence links projected onto it (NaN without a confidence model).</param>
public sealed record LineLink(IndexLink Link, double Score);

/// <summary>
/// Projects an alignment of raw documents onto the lines of their files, so that it can be scored against gold
/// whose units are lines: a sentence belongs to every line it has characters on, and links that share a line merge
/// (a line is one unit and can be in one link only).
/// </summary>
public static class LineProjection
{
    /// <summary>The alignment's links as links between lines, in document order.</summary>
    public static IReadOnlyList<LineLink> Project(DocumentAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        var jaLines = LineStarts(alignment.Japanese.Source);
        var enLines = LineStarts(alignment.English.Source);
        var pairs = alignment.Pairs;
        var ja = new List<SortedSet<int>>(pairs.Count);
        var en = new List<SortedSet<int>>(pairs.Count);
        foreach (var p in pairs)
        {
            ja.Add(Lines(alignment.Japanese.Source, jaLines, p.Japanese));
            en.Add(Lines(alignment.English.Source, enLines, p.English));
        }
        // Union-find over links that share a Japanese or an English line.
        var parent = Enumerable.Range(0, pairs.Count).ToArray();
        Join(ja);
        Join(en);
        var groups = new SortedDictionary<int, (SortedSet<int> Ja, SortedSet<int> En, double Score)>();
        for (int k = 0; k < pairs.Count; k++)
        {
            int root = Find(k);
            if (!groups.TryGetValue(root, out var g)) g = ([], [], double.PositiveInfinity);
            g.Ja.UnionWith(ja[k]);
            g.En.UnionWith(en[k]);
            double s = pairs[k].Score;
            g = (g.Ja, g.En, double.IsNaN(s) || double.IsNaN(g.Score) ? double.NaN : Math.Min(g.Score, s));
            groups[root] = g;
        }
        return groups.Values
            .Where(g => g.Ja.Count > 0 || g.En.Count > 0)
            .Select(g => new LineLink(new IndexLink(g.Ja, g.En), double.IsPositiveInfinity(g.Score) ? double.NaN : g.Score))
            .ToList();

        void Join(List<SortedSet<int>> sides)
        {
            var owner = new Dictionary<int, int>();
            for (int k = 0; k < sides.Count; k++)
                foreach (int line in sides[k])
                {
                    if (owner.TryGetValue(line, out int other)) parent[Find(k)] = Find(other);
                    else owner[line] = k;
                }
        }

        int Find(int k)
        {
            while (parent[k] != k) k = parent[k] = parent[parent[k]];
            return k;
        }
    }

    /// <summary>
    /// How many lines of the two texts hold characters only of segments that are not aligned (page furniture or
    /// metadata): lines an ordinary document should never lose.
    /// </summary>
    public static int LinesSetApart(DocumentAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        return SetApart(alignment.Japanese) + SetApart(alignment.English);

        static int SetApart(SegmentedText side)
        {
            var starts = LineStarts(side.Source);
            var inSentence = new HashSet<int>();
            var inOther = new HashSet<int>();
            foreach (var s in side.Segments)
                (s.Kind == SegmentKind.Sentence ? inSentence : inOther).UnionWith(Lines(side.Source, starts, [s]));
            inOther.ExceptWith(inSentence);
            return inOther.Count;
        }
    }

    /// <summary>Where each line starts; lines end at \n, \r\n or \r, as the segmenter reads them.</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\n' or '\r' && i + 1 < text.Length) starts.Add(i + 1);
        }
        return starts;
    }

    private static SortedSet<int> Lines(string text, List<int> starts, IEnumerable<Segment> segments)
    {
        var lines = new SortedSet<int>();
        foreach (var s in segments)
            foreach (var r in s.Ranges)
                for (int i = r.Start; i < r.End; i++)
                    if (!char.IsWhiteSpace(text[i]))
                    {
                        int line = starts.BinarySearch(i);
                        lines.Add(line >= 0 ? line : ~line - 1);
                    }
        return lines;
    }
}
