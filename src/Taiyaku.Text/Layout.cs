namespace Taiyaku.Text;

/// <summary>
/// Decides which line breaks continue a paragraph. A hard-wrapped block is recognised as a typesetter would make it:
/// almost every line is so full that the next line's first word would not have fitted on it. Text with one paragraph
/// per line has lines of every length, and its short lines (headings, list items) end before a longer one.
/// </summary>
internal static class Layout
{
    // Share of a block's inner lines (lines followed by another text line) that must look full for the block to be wrapped.
    private const double WrappedShare = 0.5;
    // A line is full when it and the next line's first word reach this share of the wrap width (justified or
    // kinsoku-shortened lines end a little early).
    private const double FullShare = 0.9;
    // Nobody hard-wraps narrower or wider than this (columns; a full-width character is two).
    private const int MinWrapWidth = 30, MaxWrapWidth = 240;
    // Fewer inner lines than this say nothing about a block's width: the document's evidence decides.
    private const int MinEvidence = 3;

    /// <summary>
    /// Fills <paramref name="joins"/>[i] for each text line i that goes on in line i + 1 (both text, not furniture)
    /// and says how the document was read.
    /// </summary>
    public static TextLayout Decide(string text, List<Line> lines, bool[] furniture, bool japanese, LineBreaks mode, bool[] joins)
    {
        var blocks = Blocks(lines, furniture);
        var inner = new List<int>();
        foreach (var (first, last) in blocks)
            for (int i = first; i < last; i++) inner.Add(i);
        if (inner.Count == 0) return TextLayout.OneParagraphPerLine;
        if (mode == LineBreaks.Paragraph) return TextLayout.OneParagraphPerLine;
        if (mode == LineBreaks.Wrap)
        {
            foreach (int i in inner) joins[i] = !ListItem.StartsAt(lines[i + 1].Content(text));
            return TextLayout.HardWrapped;
        }

        bool? documentWrapped = Wrapped(text, lines, inner, japanese);
        int wrappedBlocks = 0, paragraphBlocks = 0;
        foreach (var (first, last) in blocks)
        {
            if (last == first) continue;
            var blockInner = Enumerable.Range(first, last - first).ToList();
            bool? blockWrapped = blockInner.Count >= MinEvidence ? Wrapped(text, lines, blockInner, japanese) : documentWrapped;
            var width = WrapWidth(text, lines, blockInner.Count >= MinEvidence ? blockInner : inner);
            bool any = false;
            foreach (int i in blockInner)
            {
                var a = lines[i].Content(text);
                var b = lines[i + 1].Content(text);
                bool join = !ListItem.StartsAt(b) && blockWrapped switch
                {
                    true => Full(a, b, width, japanese) || (!japanese && char.IsLower(b[0]) && !EndsSentence(a)),
                    false => false,
                    null => SmallBlockContinues(a, b, japanese),
                };
                joins[i] = join;
                any |= join;
            }
            if (any) wrappedBlocks++;
            else paragraphBlocks++;
        }
        return wrappedBlocks == 0 ? TextLayout.OneParagraphPerLine : paragraphBlocks == 0 ? TextLayout.HardWrapped : TextLayout.Mixed;
    }

    /// <summary>Runs of consecutive text lines (not blank, not furniture), as (first, last) line indices.</summary>
    private static List<(int First, int Last)> Blocks(List<Line> lines, bool[] furniture)
    {
        var blocks = new List<(int, int)>();
        int start = -1;
        for (int i = 0; i <= lines.Count; i++)
        {
            bool isText = i < lines.Count && !lines[i].IsBlank && !furniture[i];
            if (isText && start < 0) start = i;
            else if (!isText && start >= 0)
            {
                blocks.Add((start, i - 1));
                start = -1;
            }
        }
        return blocks;
    }

    /// <summary>
    /// Whether these inner lines are hard-wrapped; null when there are too few to tell. The evidence is the lines that
    /// stop without ending a sentence: in wrapped text they are full (the break fell mid-sentence), in text with one
    /// paragraph per line they are headings and list items, short. With too few of them, all inner lines count.
    /// </summary>
    private static bool? Wrapped(string text, List<Line> lines, List<int> inner, bool japanese)
    {
        var open = inner.Where(i => !EndsSentence(lines[i].Content(text))).ToList();
        var evidence = open.Count >= MinEvidence ? open : inner;
        if (evidence.Count < MinEvidence) return null;
        var width = WrapWidth(text, lines, inner);
        if (width.Columns < MinWrapWidth || width.Columns > MaxWrapWidth) return false;
        int full = 0;
        foreach (int i in evidence)
            if (Full(lines[i].Content(text), lines[i + 1].Content(text), width, japanese)) full++;
        return full >= WrappedShare * evidence.Count;
    }

    /// <summary>
    /// The wrap width, in columns and in characters (Japanese is often wrapped at a number of characters, half-width
    /// digits included): the 90th percentile of the inner lines' widths (robust to a stray long line).
    /// </summary>
    private static (int Columns, int Characters) WrapWidth(string text, List<Line> lines, List<int> inner)
    {
        int k = Math.Min(inner.Count - 1, (int)(inner.Count * 0.9));
        var columns = inner.Select(i => Width(lines[i].Content(text))).Order().ElementAt(k);
        var characters = inner.Select(i => lines[i].ContentEnd - lines[i].ContentStart).Order().ElementAt(k);
        return (columns, characters);
    }

    /// <summary>Whether the next line's first word would not have fitted on line <paramref name="a"/>.</summary>
    private static bool Full(ReadOnlySpan<char> a, ReadOnlySpan<char> b, (int Columns, int Characters) width, bool japanese)
    {
        int next;
        if (japanese && Width(b[..1]) == 2)
        {
            if (a.Length + 1 > FullShare * width.Characters) return true;
            next = 2;
        }
        else
        {
            int w = b.IndexOfAny(' ', '\t');
            next = 1 + Width(w < 0 ? b : b[..w]);
        }
        return Width(a) + next > FullShare * width.Columns;
    }

    /// <summary>
    /// With too little text to measure: an English line goes on when the next starts in lower case, or when it ends
    /// in a lower-case word or a comma (a heading is short and ends in a noun); a Japanese line when it ends in a
    /// comma or a particle, or the next starts with a character that cannot start a line (kinsoku).
    /// </summary>
    private static bool SmallBlockContinues(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool japanese)
    {
        if (EndsSentence(a)) return false;
        char last = a[^1], next = b[0];
        if (japanese)
            return last is '、' or '，' or ',' or 'を' or 'に' or 'が' or 'は' or 'で' or 'と' or 'の' or 'へ' or 'も'
                || next is '、' or '，' or '。' or '．' or 'ー' or 'ゃ' or 'ゅ' or 'ょ' or 'っ' or 'ャ' or 'ュ' or 'ョ' or 'ッ' or '）' or '」' or '』';
        return char.IsLower(next) || last is ',' or '-' or '–' || (char.IsLower(last) && a.Length >= 20);
    }

    internal static bool EndsSentence(ReadOnlySpan<char> line)
    {
        int i = line.Length - 1;
        while (i > 0 && line[i] is '"' or '\'' or '”' or '’' or ')' or '）' or '」' or '』' or ']') i--;
        return line[i] is '.' or '?' or '!' or '。' or '．' or '？' or '！' or '｡' or ':' or ';' or '：';
    }

    /// <summary>Display width: two columns for a wide (East Asian) character, one otherwise.</summary>
    internal static int Width(ReadOnlySpan<char> s)
    {
        int w = 0;
        foreach (char c in s)
            w += c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
                or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6') ? 2 : 1;
        return w;
    }
}
