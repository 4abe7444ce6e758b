using System.Xml.Linq;
using Taiyaku.Alignment;
using Taiyaku.Formats;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;
using Taiyaku.Text;

namespace Taiyaku.Fuzzing;

/// <summary>
/// The text pipeline: bytes → <see cref="TextDecoding"/> → <see cref="SentenceSegmenter"/> → <see cref="DocumentAligner"/>
/// → every writer, checking the invariants on the way (every sentence in exactly one link, segments partition the
/// text, TMX parses back to the same units). <see cref="TextDataException"/> from decoding is the expected failure.
/// <para>
/// Input layout: byte 0 holds the options — bits 0-2 the encoding (<c>% 6</c>: auto, UTF-8, UTF-16LE, UTF-16BE,
/// CP932, EUC-JP), bit 3 replacement of undecodable bytes, bits 4-5 the mode (two raw documents, one bilingual
/// document, one sentence per line, two raw documents with token lengths), bit 6 standard beads; byte 1 where the
/// decoded text is cut into the Japanese and English documents; the rest is the file.
/// </para>
/// </summary>
internal sealed class TextHarness : IHarness
{
    private static readonly Lazy<MorphologicalAnalyzer?> Analyzer = new(() =>
    {
        try { return MorphologicalAnalyzer.Open(); }
        catch (DictionaryNotFoundException) { return null; }
    });

    private static readonly DocumentAligner Default = new DocumentAlignerBuilder().Build();
    private static readonly DocumentAligner Standard = new DocumentAlignerBuilder().UseParameters(new AlignmentParameters { Beads = Bead.Standard }).Build();
    private static readonly Lazy<DocumentAligner?> Tokens = new(() => Analyzer.Value is { } a
        ? new DocumentAlignerBuilder().UseParameters(AlignmentParameters.Default with { Length = LengthMeasure.Tokens }).UseAnalyzer(a).Build()
        : null);

    public IEnumerable<byte[]> Seeds()
    {
        string root = FindRoot();
        byte[] ja = File.ReadAllBytes(Path.Combine(root, "samples", "cable-1468.ja"));
        byte[] en = File.ReadAllBytes(Path.Combine(root, "samples", "cable-1468.en"));
        byte[] both = File.ReadAllBytes(Path.Combine(root, "samples", "cable-1468.txt"));
        // Small pieces of the sample keep executions fast; the whole record once.
        byte[] pair = [.. ja[..Math.Min(ja.Length, 600)], .. en[..Math.Min(en.Length, 600)]];
        yield return [0x00, 128, .. pair];
        yield return [0x10, 128, .. both[..Math.Min(both.Length, 2000)]];
        yield return [0x20, 128, .. "京都は日本の古い都である。\n多くの寺がある。\nKyoto is old.\nThere are temples.\n"u8.ToArray()];
        yield return [0x30, 128, .. pair];
        yield return [0x44, 100, .. TextDecoding.GetStrictEncoding(TextEncoding.ShiftJis).GetBytes("日本の減税である。\n（総理）第一に。\nThe tax cut. First.\n")];
        yield return [0x05, 100, .. TextDecoding.GetStrictEncoding(TextEncoding.EucJp).GetBytes("極秘 大至急\n往電第1456号。\nTop secret. Urgent.\n")];
        yield return [0x02, 100, 0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("絵文字😀です。\nאבג שלום.\nEmoji 😀.\n")];
        yield return [0x08, 128, .. "一。\0二。\u0001\n\u202Eright-to-left\u202C. ... !!! 。。。\n"u8.ToArray(), 0xFF, 0xC3];
    }

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.Length < 2) return;
        byte flags = input[0];
        var options = new TextDecodingOptions { Encoding = (TextEncoding)(flags % 8 % 6), ReplaceInvalid = (flags & 8) != 0 };
        string text;
        try { text = TextDecoding.Decode(input[2..], "fuzz", options).Text; }
        catch (TextDataException e)
        {
            if (!e.Message.StartsWith("fuzz:", StringComparison.Ordinal)) throw new InvariantException("decoding error without file name: " + e.Message);
            return;
        }
        if (options.ReplaceInvalid || options.Encoding != TextEncoding.Auto)
            foreach (char c in text.AsSpan())
                if (char.IsSurrogate(c) && !HasPair(text, text.IndexOf(c))) throw new InvariantException("decoding produced a lone surrogate");

        // Cut at a character boundary: decoding never yields lone surrogates, and the writers need none.
        int cut = input[1] * text.Length / 256;
        if (cut > 0 && cut < text.Length && char.IsLowSurrogate(text[cut])) cut--;
        string ja = text[..cut], en = text[cut..];
        int mode = (flags >> 4) & 3;
        var aligner = (flags & 0x40) != 0 ? Standard : Default;
        switch (mode)
        {
            case 0:
                Check(aligner.Align(ja, en), bilingual: false);
                break;
            case 1:
                Check(aligner.AlignBilingual(text), bilingual: true);
                break;
            case 2:
            {
                var jaLines = TextFiles.SplitLines(ja);
                var enLines = TextFiles.SplitLines(en);
                var result = aligner.AlignSentences(jaLines, enLines);
                CheckLinks(result, jaLines.Count, enLines.Count);
                WriteAll(AlignedText.Create(result, jaLines, enLines));
                break;
            }
            default:
                if (Tokens.Value is { } tokens) Check(tokens.Align(ja, en), bilingual: false);
                else Check(aligner.Align(ja, en), bilingual: false);
                break;
        }
    }

    private static bool HasPair(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) : i > 0 && char.IsHighSurrogate(s[i - 1]);

    private static void CheckLinks(AlignmentResult result, int n, int m)
    {
        var seenS = new int[n];
        var seenT = new int[m];
        int s = 0, t = 0;
        foreach (var l in result.Links)
        {
            if (l.SourceStart != s || l.TargetStart != t) throw new InvariantException($"link at ({l.SourceStart}, {l.TargetStart}) after ({s}, {t}): not monotone");
            if (l.SourceCount + l.TargetCount == 0) throw new InvariantException("empty link");
            for (int i = l.SourceStart; i < l.SourceEnd; i++) seenS[i]++;
            for (int j = l.TargetStart; j < l.TargetEnd; j++) seenT[j]++;
            s = l.SourceEnd;
            t = l.TargetEnd;
            if (!double.IsFinite(l.Cost)) throw new InvariantException($"link cost {l.Cost}");
        }
        if (seenS.Any(c => c != 1) || seenT.Any(c => c != 1)) throw new InvariantException("a sentence is not in exactly one link");
    }

    private static void Check(DocumentAlignment doc, bool bilingual)
    {
        CheckLinks(doc.Result, doc.Japanese.Sentences.Count, doc.English.Sentences.Count);
        if (doc.Pairs.Sum(p => p.Japanese.Count) != doc.Japanese.Sentences.Count || doc.Pairs.Sum(p => p.English.Count) != doc.English.Sentences.Count)
            throw new InvariantException("pairs do not hold every sentence");
        // Segments partition their source text: no character lost or doubled.
        if (bilingual)
        {
            if (!ReferenceEquals(doc.Japanese.Source, doc.English.Source)) throw new InvariantException("bilingual sides differ in source");
            Partition(doc.Japanese.Source, doc.Japanese.Segments.Concat(doc.English.Segments).Concat(doc.Metadata));
        }
        else
        {
            Partition(doc.Japanese.Source, doc.Japanese.Segments);
            Partition(doc.English.Source, doc.English.Segments);
        }
        var items = doc.Pairs.Select(p => new AlignedText(
            new IndexLink(Enumerable.Range(p.JapaneseIndex, p.Japanese.Count), Enumerable.Range(p.EnglishIndex, p.English.Count)),
            p.JapaneseText, p.EnglishText, p.Cost)).ToList();
        items.AddRange(doc.Unaligned.Select(u => AlignedText.Unaligned(AlignedKind.Furniture, AlignmentSide.Source, u.Text, null)));
        WriteAll(items);
    }

    private static void Partition(string text, IEnumerable<Segment> segments)
    {
        var owner = new bool[text.Length];
        foreach (var s in segments)
            foreach (var r in s.Ranges)
            {
                if (r.Start < 0 || r.Length <= 0 || r.End > text.Length) throw new InvariantException($"range ({r.Start}, {r.Length}) outside a text of {text.Length}");
                for (int i = r.Start; i < r.End; i++)
                {
                    if (owner[i]) throw new InvariantException($"character {i} in two segments");
                    owner[i] = true;
                }
            }
        if (text.Any(c => !char.IsWhiteSpace(c)))
            for (int i = 0; i < owner.Length; i++)
                if (!owner[i]) throw new InvariantException($"character {i} ({(int)text[i]:X4}) in no segment");
    }

    private static void WriteAll(IReadOnlyList<AlignedText> items)
    {
        foreach (var format in Enum.GetValues<OutputFormat>())
        {
            using var m = new MemoryStream();
            AlignmentWriter.Write(m, items, format);
            if (format != OutputFormat.Tmx) continue;
            m.Position = 0;
            var tus = XDocument.Load(m).Descendants("tu").ToList();
            if (tus.Count != items.Count) throw new InvariantException($"TMX has {tus.Count} units for {items.Count} items");
        }
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Alignment.sln"))) return d.FullName;
        return Environment.GetEnvironmentVariable("TAIYAKU_ROOT") ?? throw new InvalidOperationException("set TAIYAKU_ROOT to the repository");
    }
}
