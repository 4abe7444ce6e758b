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
        // Most documents are all sentences: one array then serves both lists.
        Sentences = segments.All(s => s.Kind == SegmentKind.Sentence) ? segments : segments.Where(s => s.Kind == SegmentKind.Sentence).ToArray();
        SentenceTexts = new TextsView(Sentences);
    }

    /// <summary>The original text the segments' ranges point into.</summary>
    public string Source { get; }

    /// <summary>All segments, in document order.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The segments that are sentences, in document order.</summary>
    public IReadOnlyList<Segment> Sentences { get; }

    /// <summary>
    /// The sentences' texts, in document order, as the aligner takes them. A view: each text is made when it is read
    /// (a large document's sentences are not all held as strings beside it); copy the list to keep them.
    /// </summary>
    public IReadOnlyList<string> SentenceTexts { get; }

    /// <summary>How the document's lines were read: hard-wrapped, one paragraph per line, or mixed.</summary>
    public TextLayout Layout { get; }

    private sealed class TextsView(IReadOnlyList<Segment> segments) : IReadOnlyList<string>
    {
        public string this[int index] => segments[index].Text;

        public int Count => segments.Count;

        public IEnumerator<string> GetEnumerator()
        {
            foreach (var s in segments) yield return s.Text;
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
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
        var pieces = new Pieces();
        var layout = SegmentRegion(text, 0, text.Length, language, Part.Main, pieces, ct);
        return new SegmentedText(text, Partition(text, pieces).Segments, layout);
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
        var pieces = new Pieces();
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

    private BilingualText Bilingual(string text, Pieces pieces, TextLayout jaLayout, TextLayout enLayout, BilingualLayout layout, IReadOnlyList<SentencePairing> pairings)
    {
        var (segments, parts) = Partition(text, pieces);
        return new BilingualText(
            text,
            new SegmentedText(text, Of(Part.Japanese), jaLayout),
            new SegmentedText(text, Of(Part.English), enLayout),
            Of(Part.Metadata),
            layout, pairings);

        Segment[] Of(Part part) => [.. segments.Where((_, k) => parts[k] == part)];
    }

    /// <summary>Segments each side of each of the document's own pairs, and keeps the pairs as sentence ranges.</summary>
    private BilingualText SegmentPaired(string text, BilingualDetector.Detected detected, CancellationToken ct)
    {
        var pieces = new Pieces();
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
                int before = pieces.Items.Count;
                foreach (var (start, end) in regions) SegmentRegion(text, start, end, language, part, pieces, ct);
                if (unit.Quoted)
                    for (int k = before; k < pieces.Items.Count; k++)
                        pieces.Items[k] = pieces.Items[k] with { Text = pieces.Text(text, k).Replace("\"\"", "\"", StringComparison.Ordinal) };
                return pieces.Items.Skip(before).Count(p => p.Kind == SegmentKind.Sentence);
            }
        }
        foreach (var (start, end) in detected.Metadata) SegmentRegion(text, start, end, TextLanguage.English, Part.Metadata, pieces, ct);
        return Bilingual(text, pieces, TextLayout.OneParagraphPerLine, TextLayout.OneParagraphPerLine, detected.Layout, pairings);
    }

    private enum TextLanguage { Japanese, English }

    /// <summary>Which list a segment goes to: a monolingual text's, or one part of a bilingual document.</summary>
    private enum Part { Main, Japanese, English, Metadata }

    /// <summary>
    /// A segment under construction: its text and the content ranges (no surrounding whitespace) it came from, the
    /// <paramref name="RangeCount"/> ranges of <see cref="Pieces.Ranges"/> from <paramref name="FirstRange"/>. A null
    /// <paramref name="Text"/> is the text of its one range, not copied (see <see cref="Segment"/>).
    /// </summary>
    private readonly record struct Piece(SegmentKind Kind, Part Part, string? Text, int FirstRange, int RangeCount);

    /// <summary>The pieces of a document, and their content ranges in one list (most pieces have one).</summary>
    private sealed class Pieces
    {
        public List<Piece> Items { get; } = [];

        public List<TextRange> Ranges { get; } = [];

        /// <summary>Adds a piece of one range whose text is the range's.</summary>
        public void Add(SegmentKind kind, Part part, TextRange range)
        {
            Items.Add(new Piece(kind, part, null, Ranges.Count, 1));
            Ranges.Add(range);
        }

        /// <summary>Adds a piece whose text is <paramref name="joined"/>[<paramref name="start"/>..<paramref name="end"/>], from its original characters as <paramref name="map"/> gives them.</summary>
        public void Add(SegmentKind kind, Part part, string joined, List<int> map, int start, int end)
        {
            int first = Ranges.Count;
            AddOriginalRanges(map, start, end);
            int count = Ranges.Count - first;
            // One range holds the text as it is in the source; several were joined (with a space in English).
            Items.Add(new Piece(kind, part, count == 1 ? null : joined[start..end], first, count));
        }

        public string Text(string source, int piece)
        {
            var p = Items[piece];
            return p.Text ?? source.Substring(Ranges[p.FirstRange].Start, Ranges[p.FirstRange].Length);
        }

        private void AddOriginalRanges(List<int> map, int start, int end)
        {
            int rs = -1, prev = -2;
            for (int k = start; k < end; k++)
            {
                int o = map[k];
                if (o < 0) continue;
                if (o != prev + 1)
                {
                    if (rs >= 0) Ranges.Add(new TextRange(rs, prev + 1 - rs));
                    rs = o;
                }
                prev = o;
            }
            if (rs >= 0) Ranges.Add(new TextRange(rs, prev + 1 - rs));
        }
    }

    private TextLayout SegmentRegion(string text, int start, int end, TextLanguage language, Part part, Pieces pieces, CancellationToken ct)
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
                pieces.Add(kind, part, p, map, s, e);
        }
        return layout;
    }

    /// <summary>
    /// Groups content lines into paragraphs (lines that <paramref name="joins"/> says go on into the next) and adds each
    /// furniture line as a piece of its own. A paragraph broken by a page boundary is continued by the next one.
    /// </summary>
    private List<List<Line>> Paragraphs(string text, List<Line> lines, bool[] furniture, bool[] joins, TextLanguage language, Part part, Pieces pieces)
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
                pieces.Add(SegmentKind.Furniture, part, new TextRange(line.ContentStart, line.ContentEnd - line.ContentStart));
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

    /// <summary>
    /// Turns the pieces' content ranges into a partition of the whole text: each range grows over the whitespace that
    /// follows it (the first also over leading whitespace), and touching ranges of one segment merge.
    /// Returns the segments in the order of their first range.
    /// </summary>
    private static (Segment[] Segments, Part[] Parts) Partition(string text, Pieces pieces)
    {
        // Arrays sized once, not lists per piece: a 100 MB document has about 1.5 million pieces.
        var items = pieces.Items;
        var all = new (int Start, int Piece)[pieces.Ranges.Count];
        int n = 0;
        bool sorted = true;
        for (int p = 0; p < items.Count; p++)
            for (int r = items[p].FirstRange; r < items[p].FirstRange + items[p].RangeCount; r++)
            {
                int start = pieces.Ranges[r].Start;
                sorted &= n == 0 || all[n - 1].Start <= start;
                all[n++] = (start, p);
            }
        if (!sorted) Array.Sort(all, (a, b) => a.Start.CompareTo(b.Start));
        // Each range grows to the next range's start; touching ranges of one piece merge. Counted, then laid out in
        // one array, piece after piece.
        var first = new int[items.Count + 1];
        var lastEnd = new int[items.Count];
        Array.Fill(lastEnd, -1);
        for (int k = 0; k < all.Length; k++)
        {
            var (s, e) = Grown(k);
            if (lastEnd[all[k].Piece] != s) first[all[k].Piece + 1]++;
            lastEnd[all[k].Piece] = e;
        }
        for (int p = 0; p < items.Count; p++) first[p + 1] += first[p];
        var grown = new TextRange[first[items.Count]];
        var next = lastEnd;
        Array.Copy(first, next, items.Count);
        for (int k = 0; k < all.Length; k++)
        {
            var (s, e) = Grown(k);
            int p = all[k].Piece;
            if (next[p] > first[p] && grown[next[p] - 1].End == s) grown[next[p] - 1] = new TextRange(grown[next[p] - 1].Start, e - grown[next[p] - 1].Start);
            else grown[next[p]++] = new TextRange(s, e - s);
        }
        // Segments in the order of their first range.
        var order = new int[items.Count];
        var firstStart = new int[items.Count];
        sorted = true;
        for (int p = 0; p < order.Length; p++)
        {
            (order[p], firstStart[p]) = (p, grown[first[p]].Start);
            sorted &= p == 0 || firstStart[p - 1] < firstStart[p];
        }
        if (!sorted) Array.Sort(firstStart, order);
        var segments = new Segment[items.Count];
        var parts = new Part[items.Count];
        for (int k = 0; k < order.Length; k++)
        {
            int p = order[k];
            var piece = items[p];
            var content = pieces.Ranges[piece.FirstRange];
            segments[k] = new Segment(piece.Kind, piece.Text, text, content.Start, content.Length, grown, first[p], next[p] - first[p]);
            parts[k] = piece.Part;
        }
        return (segments, parts);

        (int Start, int End) Grown(int k) => (k == 0 ? 0 : all[k].Start, k + 1 < all.Length ? all[k + 1].Start : text.Length);
    }
}
