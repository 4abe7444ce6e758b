using System.Text.RegularExpressions;
using Taiyaku.Testing;
using Xunit.Abstractions;

namespace Taiyaku.Edict.Tests;

/// <summary>
/// Does the lexicon tell translations from non-translations? On kyoto-wiki dev (../shared, read-only), every substring
/// of length 1–4 of a Japanese sentence is looked up (a stand-in for a morphological analyzer), and the gloss words are
/// compared with the words of the gold English sentence, of a random non-aligned English sentence of the same
/// document, and of the English sentences next to the gold one. Reported; the assertion is only that true pairs share
/// words clearly more often than random ones.
/// </summary>
public partial class UsefulnessTests(ITestOutputHelper output)
{
    [GeneratedRegex("[a-z0-9]+(?:'[a-z]+)?")]
    private static partial Regex EnglishWord();

    [SkippableFact]
    public void Gold_pairs_share_gloss_words_more_often_than_random_pairs()
    {
        string? dir = RepositoryPaths.Shared("corpora/kyoto-wiki/dev");
        Skip.If(dir == null, "../shared/corpora/kyoto-wiki/dev is not there");
        var lexicon = EdictLexicon.Default;
        var rng = new Random(20260101);
        int pairs = 0, sharedTrue = 0, sharedRandom = 0, sharedAdjacent = 0, adjacent = 0;
        double better = 0;
        foreach (string gold in Directory.GetFiles(dir, "*.gold").Order(StringComparer.Ordinal))
        {
            string stem = gold[..^".gold".Length];
            string[] ja = File.ReadAllLines(stem + ".ja"), en = File.ReadAllLines(stem + ".en");
            var enWords = en.Select(Words).ToArray();
            var links = File.ReadAllLines(gold).Where(l => l.Trim().Length > 0).Select(ParseLink).ToList();
            var linked = links.SelectMany(l => l.Ja.SelectMany(j => l.En.Select(e => (j, e)))).ToHashSet();
            foreach (var (js, es) in links)
            {
                if (js.Length != 1 || es.Length != 1) continue;
                int i = js[0], e = es[0];
                var glosses = Glosses(lexicon, ja[i]);
                int r;
                do r = rng.Next(en.Length); while (linked.Contains((i, r)) && en.Length > 1);
                int sTrue = Shared(glosses, enWords[e]), sRandom = Shared(glosses, enWords[r]);
                pairs++;
                if (sTrue > 0) sharedTrue++;
                if (sRandom > 0) sharedRandom++;
                better += sTrue > sRandom ? 1 : sTrue == sRandom ? 0.5 : 0;
                foreach (int a in new[] { e - 1, e + 1 })
                {
                    if (a < 0 || a >= en.Length || linked.Contains((i, a))) continue;
                    adjacent++;
                    if (Shared(glosses, enWords[a]) > 0) sharedAdjacent++;
                }
            }
        }
        double pTrue = (double)sharedTrue / pairs, pRandom = (double)sharedRandom / pairs;
        output.WriteLine($"1-1 gold pairs {pairs}: share >= 1 gloss word: gold {pTrue:P1}, random {pRandom:P1}, " +
                         $"adjacent {(double)sharedAdjacent / adjacent:P1}; P(gold shares more than random) {better / pairs:F3}");
        Assert.True(pTrue > pRandom + 0.2, $"gold {pTrue:P1} vs random {pRandom:P1}");
    }

    private static HashSet<string> Glosses(EdictLexicon lexicon, string sentence)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int start = 0; start < sentence.Length; start++)
            for (int length = 1; length <= 4 && start + length <= sentence.Length; length++)
                if (lexicon.TryGetTranslations(sentence.Substring(start, length), out var words))
                    set.UnionWith(words);
        return set;
    }

    private static HashSet<string> Words(string sentence) =>
        EnglishWord().Matches(sentence.ToLowerInvariant())
            .Select(m => m.Value.EndsWith("'s", StringComparison.Ordinal) ? m.Value[..^2] : m.Value)
            .ToHashSet(StringComparer.Ordinal);

    private static int Shared(HashSet<string> glosses, HashSet<string> english) => english.Count(glosses.Contains);

    private static (int[] Ja, int[] En) ParseLink(string line)
    {
        string[] sides = line.Split(':');
        return (Indices(sides[0]), Indices(sides[1]));
        static int[] Indices(string s) => s.Trim().Trim('[', ']')
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
    }
}
