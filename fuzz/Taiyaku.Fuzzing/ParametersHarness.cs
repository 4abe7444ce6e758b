using System.Text;
using Taiyaku.Alignment;
using Taiyaku.Formats;
using Taiyaku.Pipeline;

namespace Taiyaku.Fuzzing;

/// <summary>
/// Parameter files (<c>taiyaku align --params</c>): bytes → strict UTF-8 → <see cref="AlignmentParameters.FromJson"/>.
/// A <see cref="FormatException"/> (or undecodable UTF-8) is the expected failure. A file that loads must align every
/// pair of sentence counts: each of a few fixed documents (unequal counts, one side of one sentence, lengths from 1 to
/// thousands of bytes) is aligned, checked (every sentence in exactly one link, finite costs, scores in [0, 1]) and
/// written in every format.
/// </summary>
internal sealed class ParametersHarness : IHarness
{
    private static readonly UTF8Encoding Strict = new(false, true);

    private static readonly (string[] Ja, string[] En)[] Documents =
    [
        (["京都は日本の古い都である。", "多くの寺がある。", "以上。"], ["Kyoto is an old capital of Japan."]),
        (["一。"], ["One.", "Two.", "Three.", "Four and a much longer sentence than the others, with 1980 in it."]),
        (["1980年にトヨタは工場を建てた。", "それは大きかった。", "レーガンが来た。", "？"], ["Toyota built a factory in 1980.", "It was big.", "Reagan came?", "Yes.", "No."]),
        ([new string('あ', 3000), "短い。"], ["x", new string('w', 5000)]),
    ];

    public IEnumerable<byte[]> Seeds()
    {
        string json = AlignmentParameters.Default.ToJson();
        yield return Encoding.UTF8.GetBytes(json);
        yield return Encoding.UTF8.GetBytes(json.Replace("\"anchorWeight\": 0.5", "\"anchorWeight\": 100"));
        yield return Encoding.UTF8.GetBytes(new AlignmentParameters { Beads = Bead.Standard, Variance = 0.001, LengthRatio = 1000 }.ToJson());
        yield return Encoding.UTF8.GetBytes(new AlignmentParameters { Beads = [new Bead(1, 1, 1), new Bead(1, 0, 1e-300), new Bead(0, 1, 1)], Variance = 1e6, AnchorWeight = 0 }.ToJson());
        yield return "{\"format\":\"taiyaku-parameters/1\",\"variance\":1,\"beads\":[{\"source\":1,\"target\":1,\"probability\":1}],\"anchorWeight\":1e308,\"confidence\":{}}"u8.ToArray();
    }

    public void Run(ReadOnlySpan<byte> input)
    {
        string text;
        try { text = Strict.GetString(input); }
        catch (DecoderFallbackException) { return; }
        AlignmentParameters p;
        try { p = AlignmentParameters.FromJson(text); }
        catch (FormatException) { return; }
        var aligner = new DocumentAlignerBuilder().UseParameters(p).UseAnchors(AnchorOptions.Default with { Dictionary = false, Names = false }).Build();
        foreach (var (ja, en) in Documents)
        {
            var result = aligner.AlignSentences(ja, en);
            int s = 0, t = 0;
            foreach (var l in result.Links)
            {
                if (l.SourceStart != s || l.TargetStart != t || l.SourceCount + l.TargetCount == 0)
                    throw new InvariantException($"link at ({l.SourceStart}, {l.TargetStart}) after ({s}, {t})");
                if (!double.IsFinite(l.Cost)) throw new InvariantException($"cost {l.Cost}");
                if (!double.IsNaN(l.Score) && !(l.Score >= 0 && l.Score <= 1)) throw new InvariantException($"score {l.Score}");
                s = l.SourceEnd;
                t = l.TargetEnd;
            }
            if (s != ja.Length || t != en.Length) throw new InvariantException($"links end at ({s}, {t}), not ({ja.Length}, {en.Length})");
            var items = AlignedText.Create(result, ja, en);
            foreach (var format in new[] { OutputFormat.Links, OutputFormat.Tsv, OutputFormat.Json, OutputFormat.Tmx })
                AlignmentWriter.Write(Stream.Null, AlignedText.FilterByScore(items, 0.5), format);
        }
    }
}
