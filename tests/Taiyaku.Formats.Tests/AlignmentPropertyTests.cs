using System.Text;
using System.Xml.Linq;
using CsCheck;
using Taiyaku.Alignment;
using Taiyaku.Formats;
using Taiyaku.Pipeline;

namespace Taiyaku.Formats.Tests;

/// <summary>
/// Properties of whole alignments (segmentation, anchors, second pass, writers) on random documents. The aligner's
/// core properties on length sequences are in Taiyaku.Alignment.Tests/GaleChurchPropertyTests; these are the same
/// promises one level up, plus what the writers add.
/// </summary>
public class AlignmentPropertyTests
{
    private static readonly string[] JaPieces =
    [
        "日本", "の", "減税", "である", "。", "！", "？", "「", "」", "（総理）", "、", "GDP", "1.2%", "６兆円", "1994年",
        "トヨタ", "クリントン大統領", "極秘", "😀", "ｶﾀｶﾅ", "\u3000", " ", "第1468号", "\t", "。。。", "‐", "\0", "\u0001",
    ];

    private static readonly string[] EnPieces =
    [
        "The", " ", "tax", "cut", "Mr.", "No.", "1468", ".", "?", "!", "(laughter)", "6 trillion yen", "GDP", "1.2%", "Toyota",
        "President Clinton", "top secret", "😀", "\"", "—", "\u05E9\u05DC\u05D5\u05DD", "1994", ",", "\0", "\u0007",
    ];

    private static Gen<string> Sentence(string[] pieces) =>
        Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[1, 12].Select(p => string.Concat(p));

    /// <summary>Two sentence lists as a translation would give them: related counts, sometimes very different.</summary>
    private static readonly Gen<(string[] Ja, string[] En)> SentencePairs =
        Gen.Select(Sentence(JaPieces).Array[0, 30], Sentence(EnPieces).Array[0, 30]);

    /// <summary>Raw documents: sentences joined with spaces, line breaks and blank lines.</summary>
    private static readonly Gen<(string Ja, string En)> Documents =
        Gen.Select(SentencePairs, Gen.Int[0, 1_000_000]).Select((p, seed) =>
        {
            var rng = new Random(seed);
            string Join(string[] s) => string.Concat(s.Select(x => x + (rng.Next(4) switch { 0 => "\n", 1 => "\n\n", 2 => " ", _ => "" })));
            return (Join(p.Ja), Join(p.En));
        });

    private static readonly DocumentAligner[] Aligners =
    [
        new DocumentAlignerBuilder().Build(),
        new DocumentAlignerBuilder().UseAnchors(AnchorOptions.None).Build(),
        new DocumentAlignerBuilder().UseParameters(new AlignmentParameters { Length = LengthMeasure.Characters, Beads = Bead.Standard }).Build(),
        new DocumentAlignerBuilder().UseAnchors(AnchorOptions.Default with { SecondPass = false }).Build(),
    ];

    private static void AssertCovers(AlignmentResult r, int n, int m)
    {
        var seenS = new int[n];
        var seenT = new int[m];
        int s = 0, t = 0;
        foreach (var l in r.Links)
        {
            Assert.True(l.SourceCount + l.TargetCount > 0);
            Assert.Equal((s, t), (l.SourceStart, l.TargetStart));   // monotone and contiguous
            for (int i = l.SourceStart; i < l.SourceEnd; i++) seenS[i]++;
            for (int j = l.TargetStart; j < l.TargetEnd; j++) seenT[j]++;
            s = l.SourceEnd;
            t = l.TargetEnd;
        }
        Assert.All(seenS, c => Assert.Equal(1, c));
        Assert.All(seenT, c => Assert.Equal(1, c));
    }

    [Fact]
    public void Every_sentence_is_in_exactly_one_monotone_link()
    {
        Gen.Select(SentencePairs, Gen.Int[0, Aligners.Length - 1]).Sample((pair, a) =>
            AssertCovers(Aligners[a].AlignSentences(pair.Ja, pair.En), pair.Ja.Length, pair.En.Length), iter: 150);
    }

    [Fact]
    public void Every_segmented_sentence_of_raw_documents_is_in_exactly_one_pair()
    {
        Gen.Select(Documents, Gen.Int[0, Aligners.Length - 1]).Sample((doc, a) =>
        {
            var d = Aligners[a].Align(doc.Ja, doc.En);
            AssertCovers(d.Result, d.Japanese.Sentences.Count, d.English.Sentences.Count);
            Assert.Equal(d.Japanese.Sentences.Select(s => s.Text), d.Pairs.SelectMany(p => p.Japanese).Select(s => s.Text));
            Assert.Equal(d.English.Sentences.Select(s => s.Text), d.Pairs.SelectMany(p => p.English).Select(s => s.Text));
            var b = Aligners[a].AlignBilingual(doc.Ja + "\n\n" + doc.En);
            AssertCovers(b.Result, b.Japanese.Sentences.Count, b.English.Sentences.Count);
        }, iter: 100);
    }

    private static byte[] Write(IReadOnlyList<AlignedText> items, OutputFormat format)
    {
        using var m = new MemoryStream();
        AlignmentWriter.Write(m, items, format);
        return m.ToArray();
    }

    [Fact]
    public void Output_is_deterministic_for_the_same_input_and_options()
    {
        Gen.Select(SentencePairs, Gen.Int[0, Aligners.Length - 1]).Sample((pair, a) =>
        {
            // A second aligner built from equal options, and a run on another thread, give the same bytes.
            var other = new DocumentAlignerBuilder().UseOptions(Aligners[a].Options with { }).Build();
            var first = Aligners[a].AlignSentences(pair.Ja, pair.En);
            var second = other.AlignSentences(pair.Ja, pair.En);
            var third = Task.Run(() => Aligners[a].AlignSentences(pair.Ja, pair.En)).GetAwaiter().GetResult();
            Assert.Equal(first.Links, second.Links);
            Assert.Equal(first.Links, third.Links);
            foreach (var format in Enum.GetValues<OutputFormat>())
                Assert.Equal(Write(AlignedText.Create(first, pair.Ja, pair.En), format), Write(AlignedText.Create(third, pair.Ja, pair.En), format));
        }, iter: 60);
    }

    /// <summary>What XML 1.0 can carry: the writer turns other characters into U+FFFD.</summary>
    private static string XmlText(string s)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); continue; }
            bool ok = c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
            sb.Append(ok ? c : '\uFFFD');
        }
        return sb.ToString();
    }

    /// <summary>The TMX file read back: per unit, its link property and its two texts (null when the variant is absent).</summary>
    private static List<(string? Links, string? Ja, string? En)> ReadTmx(byte[] tmx)
    {
        var doc = XDocument.Load(new MemoryStream(tmx), LoadOptions.PreserveWhitespace);
        XNamespace xml = XNamespace.Xml;
        return doc.Descendants("tu").Select(tu => (
            tu.Elements("prop").FirstOrDefault(p => (string?)p.Attribute("type") == "x-links")?.Value,
            tu.Elements("tuv").FirstOrDefault(v => (string?)v.Attribute(xml + "lang") == "ja")?.Element("seg")?.Value,
            tu.Elements("tuv").FirstOrDefault(v => (string?)v.Attribute(xml + "lang") == "en")?.Element("seg")?.Value)).ToList();
    }

    [Fact]
    public void Tmx_parses_back_to_the_same_pairs()
    {
        Gen.Select(Documents, Gen.Int[0, Aligners.Length - 1]).Sample((doc, a) =>
        {
            var d = Aligners[a].Align(doc.Ja, doc.En);
            var items = d.ToAlignedText();
            var units = ReadTmx(Write(items, OutputFormat.Tmx));
            Assert.Equal(items.Count, units.Count);
            for (int k = 0; k < items.Count; k++)
            {
                var item = items[k];
                var (links, ja, en) = units[k];
                if (item.Kind == AlignedKind.Link)
                {
                    Assert.Equal(item.Link.ToString(), links);
                    Assert.Equal(item.Link.Source.Count > 0 ? XmlText(item.SourceText) : null, ja);
                    Assert.Equal(item.Link.Target.Count > 0 ? XmlText(item.TargetText) : null, en);
                }
                else
                {
                    Assert.Equal(item.SourceText.Length > 0 ? XmlText(item.SourceText) : null, ja);
                    Assert.Equal(item.TargetText.Length > 0 ? XmlText(item.TargetText) : null, en);
                }
            }
        }, iter: 100);
    }

    [Fact]
    public void Tmx_keeps_a_carriage_return_inside_a_sentence()
    {
        var items = AlignedText.Create(new AlignmentResult([new Link(0, 1, 0, 1)], 1, 1), ["一\r二"], ["one\rtwo"]);
        var units = ReadTmx(Write(items, OutputFormat.Tmx));
        Assert.Equal(("[0]:[0]", "一\r二", "one\rtwo"), units.Single());
    }

    [Fact]
    public void Banded_and_full_search_agree_when_the_band_is_wide_enough()
    {
        // Anchors and the second pass included: both the length-only band and the anchored band are set wide.
        var banded = new DocumentAlignerBuilder().UseOptions(DocumentAlignerOptions.Default with { BandWidth = 1 << 16 }).Build();
        var exhaustive = new DocumentAlignerBuilder().UseOptions(DocumentAlignerOptions.Default with { Search = SearchMode.Full }).Build();
        SentencePairs.Sample(pair =>
            Assert.Equal(exhaustive.AlignSentences(pair.Ja, pair.En).Links, banded.AlignSentences(pair.Ja, pair.En).Links), iter: 100);
    }

    /// <summary>Translation-like documents of up to 150 sentences: numbered sentences, some dropped, merged or added.</summary>
    private static readonly Gen<(string[] Ja, string[] En)> Translations =
        Gen.Select(Gen.Int[1, 150], Gen.Int[0, 1_000_000]).Select((n, seed) =>
        {
            var rng = new Random(seed);
            var ja = new List<string>();
            var en = new List<string>();
            for (int i = 0; i < n; i++)
            {
                int k = rng.Next(1, 10_000), words = rng.Next(1, 15);
                string jaText = $"第{k}条は" + string.Concat(Enumerable.Repeat("日本の減税", words)) + "を定める。";
                string enText = $"Article {k} sets " + string.Join(" ", Enumerable.Repeat("the tax cut", words)) + ".";
                int roll = rng.Next(20);
                if (roll != 0) ja.Add(jaText);
                if (roll == 1 && en.Count > 0) en[^1] += " " + enText;
                else if (roll != 2) en.Add(enText);
                if (roll == 3) en.Add("An added remark.");
            }
            return (ja.ToArray(), en.ToArray());
        });

    [Fact]
    public void Banded_and_full_search_agree_on_translation_like_documents_with_a_64_wide_band()
    {
        var banded = new DocumentAlignerBuilder().UseOptions(DocumentAlignerOptions.Default with { BandWidth = 64 }).Build();
        var exhaustive = new DocumentAlignerBuilder().UseOptions(DocumentAlignerOptions.Default with { Search = SearchMode.Full }).Build();
        Translations.Sample(pair =>
        {
            var b = banded.AlignSentences(pair.Ja, pair.En);
            AssertCovers(b, pair.Ja.Length, pair.En.Length);
            Assert.Equal(exhaustive.AlignSentences(pair.Ja, pair.En).Links, b.Links);
        }, iter: 40);
    }
}
