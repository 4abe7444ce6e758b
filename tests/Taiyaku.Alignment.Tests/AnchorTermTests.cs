using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>
/// The anchored kernel's bead scores (<see cref="AnchorTerm"/>: the 1-1 pairs' scores made per row, the exact score of
/// a larger bead where its bound could win) against <see cref="SentenceAnchors.Score"/>, the plain definition the links'
/// costs use, for every bead of up to 3 × 3 sentences in every cell of random documents.
/// </summary>
public unsafe class AnchorTermTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    public void Every_bead_scores_as_the_links_score_it(double mu)
    {
        const int A = 3, B = 3;
        const double lambda = 1.5;
        var random = new Random(mu == 0 ? 11 : 12);
        for (int trial = 0; trial < 40; trial++)
        {
            int n = random.Next(1, 9), m = random.Next(1, 9);
            // Few distinct keys, so that matches, shared items and items matched from two sides are common.
            SentenceAnchors Sentence()
            {
                int items = random.Next(0, 5);
                if (items == 0) return SentenceAnchors.Empty;
                var keys = new List<AnchorKey>();
                for (int item = 0; item < items; item++)
                    for (int k = random.Next(1, 3); k > 0; k--) keys.Add(new AnchorKey((ulong)random.Next(1, 12), item));
                return new SentenceAnchors(keys, Enumerable.Range(0, items).Select(_ => random.NextDouble() * 3).ToArray());
            }
            var source = Enumerable.Range(0, n).Select(_ => Sentence()).ToArray();
            var target = Enumerable.Range(0, m).Select(_ => Sentence()).ToArray();
            var index = AnchorIndex.Of(source, target, skeleton: false, default);
            var term = new AnchorTerm(GaleChurchAligner.Band.Full(n, m), A, B, index, lambda, mu);
            var tmp = new double[m + 1];
            var cur = new double[m + 1];
            for (int i = 1; i <= n; i++)
            {
                term.BeginRow(i);
                for (int a = 1; a <= Math.Min(A, i); a++)
                    for (int b = 1; b <= Math.Min(B, m); b++)
                    {
                        // Nothing to beat: every cell whose bound is positive gets its exact score.
                        Array.Clear(tmp);
                        Array.Fill(cur, double.PositiveInfinity);
                        fixed (double* t = tmp, c = cur)
                            term.Adjust(t, c, i - a, i, a, b, b, m);
                        for (int j = b; j <= m; j++)
                        {
                            var link = new Link(i - a, a, j - b, b);
                            double unmatched = lambda * mu * (index.SourceItems[i] - index.SourceItems[i - a] + index.TargetItems[j] - index.TargetItems[j - b]);
                            double expected = unmatched - lambda * SentenceAnchors.Score(source, target, link, mu);
                            Assert.True(Math.Abs(expected - tmp[j]) <= 1e-9 * (1 + Math.Abs(expected)),
                                $"trial {trial}, bead {a}-{b} ending at ({i}, {j}): {tmp[j]} against {expected}");
                        }
                    }
            }
        }
    }
}
