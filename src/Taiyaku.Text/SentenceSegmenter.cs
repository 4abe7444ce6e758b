using System.Text;

using Taiyaku.Alignment;

namespace Taiyaku.Text;

/// <summary>The sentences of one language of a document, with the page furniture found among them.</summary>
public sealed class SegmentedText
{
    internal SegmentedText(string source, IReadOnlyList<Segment> segments, TextLayout layout)
    {
        Source = source;
        Layout = layout;
        Segments = segments;
        Sentences = segments.Where(s => s.Kind == SegmentKind.Sentence).ToArray();
    }

    /// <summary>The original text the segments' ranges point into.</summary>
    public string Source { get; }

    /// <summary>All segments, in document order.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The segments that are sentences, in document order.</summary>
    public IReadOnlyList<Segment> Sentences { get; }

    /// <summary>How the document's lines were read: hard-wrapped, one paragraph per line, or mixed.</summary>
    public TextLayout Layout { get; }
}

/// <summary>A document holding both languages, split by script.</summary>
public sealed class BilingualText
{
    internal BilingualText(string source, SegmentedText japanese, SegmentedText english, IReadOnlyList<Segment> metadata,
        BilingualLayout layout, IReadOnlyList<SentencePairing> pairings)
    {
        Source = source;
        Layout = layout;
        Pairings = pairings;
        Japanese = japanese;
        English = english;
        Metadata = metadata;
    }

    /// <summary>The whole original document.</summary>
    public string Source { get; }

    /// <summary>The Japanese part; its ranges point into <see cref="Source"/>.</summary>
    public SegmentedText Japanese { get; }

    /// <summary>The English part; its ranges point into <see cref="Source"/>.</summary>
    public SegmentedText English { get; }

    /// <summary>Text outside the two parts (e.g. an archive's metadata), as <see cref="SegmentKind.Metadata"/> segments.</summary>
    public IReadOnlyList<Segment> Metadata { get; }

    /// <summary>How the document lays out its two languages.</summary>
    public BilingualLayout Layout { get; }

    /// <summary>
    /// The pairs the document itself makes (lines, records, or paragraphs and their translations), in order, covering
    /// every sentence of both parts; empty when the layout is one block per language and leaves the pairing to the aligner.
    /// </summary>
    public IReadOnlyList<SentencePairing> Pairings { get; }
}

/// <summary>
/// Turns raw documents into sentences without losing a character: page furniture is set apart, paragraphs broken by
/// page boundaries are rejoined, hard-wrapped lines are joined, and the text is split into sentences (rules for
/// Japanese, ICU4N for English). Immutable and thread-safe.
/// </summary>
public sealed class SentenceSegmenter
{
    /// <summary>Creates a segmenter.</summary>
    public SentenceSegmenter(SegmenterOptions? options = null) => Options = options ?? SegmenterOptions.Default;

    /// <summary>The settings in use.</summary>
    public SegmenterOptions Options { get; }

    /// <summary>Segments a Japanese text.</summary>
    public SegmentedText SegmentJapanese(string text, CancellationToken cancellationToken = default) =>
        SegmentOne(text, TextLanguage.Japanese, cancellationToken);

    /// <summary>Segments an English text.</summary>
    public SegmentedText SegmentEnglish(string text, CancellationToken cancellationToken = default) =>
        SegmentOne(text, TextLanguage.English, cancellationToken);

    private SegmentedText SegmentOne(string text, TextLanguage language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<Piece>();
        var layout = SegmentRegion(text, 0, text.Length, language, Part.Main, pieces, ct);
        return new SegmentedText(text, Partition(text, pieces).Select(p => p.Segment).ToArray(), layout);
    }

    /// <summary>
    /// Splits a document holding both languages by script and layout. One pair per line (tab, " / ", " | ", two-column
    /// CSV) and alternating Japanese and English lines or paragraphs are recognised, and the document's own pairs are
    /// kept (<see cref="BilingualText.Pairings"/>). Otherwise (e.g. an archive's metadata, a Japanese original and its
    /// English translation) the Japanese part is the stretch of lines where Japanese script outweighs Latin letters
    /// most, the English part is the larger of the stretches before and after it, and what remains is metadata.
    /// </summary>
    public BilingualText SegmentBilingual(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Line.Split(text, 0, text.Length);
        if (BilingualDetector.Detect(text, lines) is { } detected) return SegmentPaired(text, detected, cancellationToken);
        var (jaFirst, jaLast) = ScriptRegions.JapaneseBlock(text, lines);
        var pieces = new List<Piece>();
        TextLayout jaLayout = TextLayout.OneParagraphPerLine, enLayout;
        bool englishAfter = true;
        if (jaFirst < 0)
        {
            enLayout = SegmentRegion(text, 0, text.Length, TextLanguage.English, Part.English, pieces, cancellationToken);
        }
        else
        {
            int jaStart = lines[jaFirst].Start, jaEnd = jaLast + 1 < lines.Count ? lines[jaLast + 1].Start : text.Length;
            englishAfter = ScriptRegions.LatinLetters(text, jaEnd, text.Length) >= ScriptRegions.LatinLetters(text, 0, jaStart);
            jaLayout = SegmentRegion(text, jaStart, jaEnd, TextLanguage.Japanese, Part.Japanese, pieces, cancellationToken);
            var before = SegmentRegion(text, 0, jaStart, TextLanguage.English, englishAfter ? Part.Metadata : Part.English, pieces, cancellationToken);
            var after = SegmentRegion(text, jaEnd, text.Length, TextLanguage.English, englishAfter ? Part.English : Part.Metadata, pieces, cancellationToken);
            enLayout = englishAfter ? after : before;
        }
        return Bilingual(text, pieces, jaLayout, enLayout, englishAfter ? BilingualLayout.JapaneseThenEnglish : BilingualLayout.EnglishThenJapanese, []);
    }

    private BilingualText Bilingual(string text, List<Piece> pieces, TextLayout jaLayout, TextLayout enLayout, BilingualLayout layout, IReadOnlyList<SentencePairing> pairings)
    {
        var all = Partition(text, pieces);
        return new BilingualText(
            text,
            new SegmentedText(text, all.Where(p => p.Piece.Part == Part.Japanese).Select(p => p.Segment).ToArray(), jaLayout),
            new SegmentedText(text, all.Where(p => p.Piece.Part == Part.English).Select(p => p.Segment).ToArray(), enLayout),
            all.Where(p => p.Piece.Part == Part.Metadata).Select(p => p.Segment).ToArray(),
            layout, pairings);
    }

    /// <summary>Segments each side of each of the document's own pairs, and keeps the pairs as sentence ranges.</summary>
    private BilingualText SegmentPaired(string text, BilingualDetector.Detected detected, CancellationToken ct)
    {
        var pieces = new List<Piece>();
        var pairings = new List<SentencePairing>();
        int ja = 0, en = 0;
        foreach (var unit in detected.Units)
        {
            int jaCount = Side(unit.Japanese, TextLanguage.Japanese, Part.Japanese);
            int enCount = Side(unit.English, TextLanguage.English, Part.English);
            if (jaCount + enCount > 0) pairings.Add(new SentencePairing(ja, jaCount, en, enCount));
            ja += jaCount;
            en += enCount;

            int Side(List<(int Start, int End)> regions, TextLanguage language, Part part)
            {
                int before = pieces.Count;
                foreach (var (start, end) in regions) SegmentRegion(text, start, end, language, part, pieces, ct);
                if (unit.Quoted)
                    for (int k = before; k < pieces.Count; k++)
                        pieces[k] = pieces[k] with { Text = pieces[k].Text.Replace("\"\"", "\"", StringComparison.Ordinal) };
                return pieces.Skip(before).Count(p => p.Kind == SegmentKind.Sentence);
            }
        }
        foreach (var (start, end) in detected.Metadata) SegmentRegion(text, start, end, TextLanguage.English, Part.Metadata, pieces, ct);
        return Bilingual(text, pieces, TextLayout.OneParagraphPerLine, TextLayout.OneParagraphPerLine, detected.Layout, pairings);
    }

    private enum TextLanguage { Japanese, English }

    /// <summary>Which list a segment goes to: a monolingual text's, or one part of a bilingual document.</summary>
    private enum Part { Main, Japanese, English, Metadata }

    /// <summary>A segment under construction: its text and the content ranges (no surrounding whitespace) it came from.</summary>
    private sealed record Piece(SegmentKind Kind, Part Part, string Text, List<TextRange> Ranges);

    private TextLayout SegmentRegion(string text, int start, int end, TextLanguage language, Part part, List<Piece> pieces, CancellationToken ct)
    {
        if (start >= end) return TextLayout.OneParagraphPerLine;
        var lines = Line.Split(text, start, end);
        var furniture = PageFurniture.Detect(text, lines, Options);
        var joins = new bool[lines.Count];
        var layout = Layout.Decide(text, lines, furniture, language == TextLanguage.Japanese, Options.LineBreaks, joins);
        var paragraphs = Paragraphs(text, lines, furniture, joins, language, part, pieces);
        var kind = part == Part.Metadata ? SegmentKind.Metadata : SegmentKind.Sentence;
        var joined = new StringBuilder();
        var map = new List<int>();
        var sentences = new List<(int Start, int End)>();
        foreach (var paragraph in paragraphs)
        {
            ct.ThrowIfCancellationRequested();
            joined.Clear();
            map.Clear();
            foreach (var line in paragraph)
            {
                if (joined.Length > 0 && language == TextLanguage.English)
                {
                    joined.Append(' ');
                    map.Add(-1);
                }
                for (int i = line.ContentStart; i < line.ContentEnd; i++)
                {
                    joined.Append(text[i]);
                    map.Add(i);
                }
            }
            string p = joined.ToString();
            sentences.Clear();
            if (language == TextLanguage.Japanese) JapaneseSentences.Split(p, sentences);
            else EnglishText.Sentences(p, sentences);
            foreach (var (s, e) in sentences)
                pieces.Add(new Piece(kind, part, p[s..e], OriginalRanges(map, s, e)));
        }
        return layout;
    }

    /// <summary>
    /// Groups content lines into paragraphs (lines that <paramref name="joins"/> says go on into the next) and adds each
    /// furniture line as a piece of its own. A paragraph broken by a page boundary is continued by the next one.
    /// </summary>
    private List<List<Line>> Paragraphs(string text, List<Line> lines, bool[] furniture, bool[] joins, TextLanguage language, Part part, List<Piece> pieces)
    {
        var paragraphs = new List<List<Line>>();
        List<Line>? current = null;
        bool furnitureSince = false, blankSince = false, joinsPrevious = false;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank) { blankSince = true; continue; }
            if (furniture[i])
            {
                pieces.Add(new Piece(SegmentKind.Furniture, part, line.Content(text).ToString(),
                    [new TextRange(line.ContentStart, line.ContentEnd - line.ContentStart)]));
                furnitureSince = true;
                continue;
            }
            bool continues = current != null && (blankSince || furnitureSince
                ? ContinuesAcrossBreak(text, current, line, language, furnitureSince)
                : joinsPrevious);
            if (!continues)
            {
                current = new List<Line>();
                paragraphs.Add(current);
            }
            current!.Add(line);
            blankSince = furnitureSince = false;
            joinsPrevious = joins[i];
        }
        return paragraphs;
    }

    /// <summary>
    /// Whether a paragraph that ends without ending a sentence goes on after a break: in English when the next line starts
    /// in lower case; in Japanese when page furniture stood between and the paragraph is long enough to be body text.
    /// </summary>
    private bool ContinuesAcrossBreak(string text, List<Line> paragraph, Line next, TextLanguage language, bool acrossFurniture)
    {
        var last = paragraph[^1].Content(text);
        char end = last[^1];
        if (ListItem.StartsAt(next.Content(text))) return false;
        if (language == TextLanguage.English)
            return !(end is '.' or '?' or '!' or ':' or ';' or '"' or '”' or ')' or ']') && char.IsLower(next.Content(text)[0]);
        if (!acrossFurniture || JapaneseSentences.IsTerminal(end) || end is '」' or '』' or '）' or ')') return false;
        int length = 0;
        foreach (var l in paragraph) length += l.ContentEnd - l.ContentStart;
        return length >= Options.PageBreakJoinMinLength;
    }

    private static List<TextRange> OriginalRanges(List<int> map, int start, int end)
    {
        var ranges = new List<TextRange>();
        int rs = -1, prev = -2;
        for (int k = start; k < end; k++)
        {
            int o = map[k];
            if (o < 0) continue;
            if (o != prev + 1)
            {
                if (rs >= 0) ranges.Add(new TextRange(rs, prev + 1 - rs));
                rs = o;
            }
            prev = o;
        }
        if (rs >= 0) ranges.Add(new TextRange(rs, prev + 1 - rs));
        return ranges;
    }

    /// <summary>
    /// Turns the pieces' content ranges into a partition of the whole text: each range grows over the whitespace that
    /// follows it (the first also over leading whitespace), and touching ranges of one segment merge.
    /// Returns the segments in the order of their first range.
    /// </summary>
    private static List<(Piece Piece, Segment Segment)> Partition(string text, List<Piece> pieces)
    {
        var all = new List<(int Start, int End, int Piece)>();
        for (int p = 0; p < pieces.Count; p++)
            foreach (var r in pieces[p].Ranges) all.Add((r.Start, r.End, p));
        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        var grown = new List<TextRange>[pieces.Count];
        for (int p = 0; p < pieces.Count; p++) grown[p] = new List<TextRange>();
        for (int k = 0; k < all.Count; k++)
        {
            int s = k == 0 ? 0 : all[k].Start;
            int e = k + 1 < all.Count ? all[k + 1].Start : text.Length;
            var list = grown[all[k].Piece];
            if (list.Count > 0 && list[^1].End == s) list[^1] = new TextRange(list[^1].Start, e - list[^1].Start);
            else list.Add(new TextRange(s, e - s));
        }
        return Enumerable.Range(0, pieces.Count)
            .OrderBy(p => grown[p][0].Start)
            .Select(p => (pieces[p], new Segment(pieces[p].Kind, pieces[p].Text, grown[p].AsReadOnly())))
            .ToList();
    }
}
