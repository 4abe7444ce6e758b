namespace Taiyaku.Text;

/// <summary>
/// Finds how a bilingual document pairs its texts: one pair per line (tab, " / ", " | ", two-column CSV), or
/// alternating Japanese and English lines or paragraphs. Blocks (all of one language, then all of the other) are left
/// to <see cref="ScriptRegions"/>.
/// </summary>
internal static class BilingualDetector
{
    /// <summary>One side of a pair: character regions of the original text, in order.</summary>
    internal sealed record Unit(List<(int Start, int End)> Japanese, List<(int Start, int End)> English, bool Quoted = false);

    internal sealed record Detected(BilingualLayout Layout, List<Unit> Units, List<(int Start, int End)> Metadata);

    // Share of the text lines that must follow a layout for it to be taken.
    private const double MinShare = 0.8;

    public static Detected? Detect(string text, List<Line> lines)
    {
        var textLines = lines.Where(l => !l.IsBlank).ToList();
        if (textLines.Count == 0) return null;
        return Separated(text, textLines) ?? Csv(text, lines, textLines.Count) ?? Alternating(text, lines);
    }

    internal enum Script { Neither, Japanese, English }

    /// <summary>Japanese when Japanese characters are there and weigh at least a third of the Latin letters (one kana or kanji says as much as two or three letters).</summary>
    internal static Script Classify(ReadOnlySpan<char> s)
    {
        int ja = 0, latin = 0;
        foreach (char c in s)
        {
            if (char.IsAsciiLetter(c)) latin++;
            else if (ScriptRegions.IsJapanese(c) && c is not ('\u3000' or '、' or '。' or '・' or '「' or '」')) ja++;
        }
        if (ja > 0 && ja * 3 >= latin) return Script.Japanese;
        return latin > 0 ? Script.English : Script.Neither;
    }

    private static readonly (string Separator, BilingualLayout Layout)[] Separators =
        [("\t", BilingualLayout.TabSeparated), (" / ", BilingualLayout.SlashSeparated), (" | ", BilingualLayout.BarSeparated)];

    /// <summary>One pair per line: the separator whose split gives a Japanese and an English side on most lines.</summary>
    private static Detected? Separated(string text, List<Line> textLines)
    {
        foreach (var (separator, layout) in Separators)
        {
            var splits = textLines.Select(l => Split(text, l, separator)).ToList();
            int valid = splits.Count(s => s != null);
            // A header line (e.g. "ja<TAB>en") may fail.
            if (valid == 0 || valid < MinShare * (textLines.Count - 1)) continue;
            var units = new List<Unit>();
            var metadata = new List<(int, int)>();
            for (int k = 0; k < textLines.Count; k++)
            {
                var l = textLines[k];
                if (splits[k] is { } u) units.Add(u);
                else Single(text, (l.ContentStart, l.ContentEnd), units, metadata, first: units.Count == 0);
            }
            return new Detected(layout, units, metadata);
        }
        return null;
    }

    private static Unit? Split(string text, Line line, string separator)
    {
        var content = line.Content(text);
        for (int at = content.IndexOf(separator, StringComparison.Ordinal); at >= 0;
             at = content[(at + 1)..].IndexOf(separator, StringComparison.Ordinal) is int n && n >= 0 ? at + 1 + n : -1)
        {
            var left = Trim(text, line.ContentStart, line.ContentStart + at);
            var right = Trim(text, line.ContentStart + at + separator.Length, line.ContentEnd);
            var a = Classify(text.AsSpan(left.Start, left.End - left.Start));
            var b = Classify(text.AsSpan(right.Start, right.End - right.Start));
            if (a == Script.Japanese && b == Script.English) return new Unit([left], [right]);
            if (a == Script.English && b == Script.Japanese) return new Unit([right], [left]);
        }
        return null;
    }

    /// <summary>A line or field that is not a pair: Japanese stands alone; English is metadata before the first pair (a header), else stands alone.</summary>
    private static void Single(string text, (int Start, int End) region, List<Unit> units, List<(int, int)> metadata, bool first)
    {
        switch (Classify(text.AsSpan(region.Start, region.End - region.Start)))
        {
            case Script.Japanese: units.Add(new Unit([region], [])); break;
            case Script.English when !first: units.Add(new Unit([], [region])); break;
            default: metadata.Add(region); break;
        }
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end);
    }

    /// <summary>Two-column CSV (RFC 4180 quoting, quoted fields may hold commas, quotes and line breaks).</summary>
    private static Detected? Csv(string text, List<Line> lines, int textLineCount)
    {
        if (!text.Contains(',')) return null;
        var records = new List<List<(int Start, int End, bool Quoted)>>();
        int i = 0;
        while (i < text.Length)
        {
            var fields = new List<(int, int, bool)>();
            while (true)
            {
                int s = i;
                while (i < text.Length && text[i] is ' ' or '\t') i++;
                if (i < text.Length && text[i] == '"')
                {
                    int start = ++i;
                    while (i < text.Length && !(text[i] == '"' && (i + 1 >= text.Length || text[i + 1] != '"'))) i += text[i] == '"' ? 2 : 1;
                    if (i >= text.Length) return null; // an unclosed quote: not CSV
                    fields.Add((start, i, true));
                    i++;
                    while (i < text.Length && text[i] is ' ' or '\t') i++;
                }
                else
                {
                    i = s;
                    while (i < text.Length && text[i] is not (',' or '\n' or '\r')) i++;
                    var (a, b) = Trim(text, s, i);
                    fields.Add((a, b, false));
                }
                if (i < text.Length && text[i] == ',') { i++; continue; }
                break;
            }
            if (i < text.Length && text[i] == '\r') i++;
            if (i < text.Length && text[i] == '\n') i++;
            else if (i < text.Length && text[i] is not ('\r' or '\n') && fields.Count > 0) return null; // stray text after a quoted field
            if (!(fields.Count == 1 && fields[0].Item1 == fields[0].Item2)) records.Add(fields);
        }
        if (records.Count == 0) return null;
        var units = new List<Unit>();
        var metadata = new List<(int, int)>();
        int valid = 0;
        foreach (var r in records)
        {
            if (r.Count == 2)
            {
                var a = Classify(text.AsSpan(r[0].Start, r[0].End - r[0].Start));
                var b = Classify(text.AsSpan(r[1].Start, r[1].End - r[1].Start));
                bool quoted = r[0].Quoted || r[1].Quoted;
                if (a == Script.Japanese && b == Script.English) { units.Add(new Unit([(r[0].Start, r[0].End)], [(r[1].Start, r[1].End)], quoted)); valid++; continue; }
                if (a == Script.English && b == Script.Japanese) { units.Add(new Unit([(r[1].Start, r[1].End)], [(r[0].Start, r[0].End)], quoted)); valid++; continue; }
            }
            foreach (var f in r)
                if (f.End > f.Start) Single(text, (f.Start, f.End), units, metadata, first: units.Count == 0);
        }
        if (valid == 0 || valid < MinShare * (records.Count - 1)) return null;
        return new Detected(BilingualLayout.Csv, units, metadata);
    }

    /// <summary>
    /// Runs of Japanese and English lines that alternate: each run is paired with the next, in the order (Japanese
    /// first or English first) that keeps blank lines between pairs and translation lengths plausible.
    /// </summary>
    private static Detected? Alternating(string text, List<Line> lines)
    {
        // Runs of text lines of one script; lines of neither script (numbers, rules) are metadata.
        var runs = new List<(Script Script, List<int> Lines)>();
        var neither = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsBlank) continue;
            var s = Classify(lines[i].Content(text));
            if (s == Script.Neither) { neither.Add(i); continue; }
            if (runs.Count > 0 && runs[^1].Script == s) runs[^1].Lines.Add(i);
            else runs.Add((s, [i]));
        }
        if (runs.Count(r => r.Script == Script.Japanese) < 2 || runs.Count(r => r.Script == Script.English) < 2) return null;

        Plan? best = null;
        foreach (var first in new[] { Script.Japanese, Script.English })
        {
            var plan = Pair(text, lines, runs, first);
            if (best == null || plan.Cost < best.Cost) best = plan;
        }
        var pairs = best!.Pairs.Where(p => p.A >= 0 && p.B >= 0).ToList();
        if (pairs.Count < 2) return null;
        int plausible = pairs.Count(p => Plausible(text, lines, runs[p.A].Lines, runs[p.B].Lines, runs[p.A].Script));
        if (plausible < MinShare * pairs.Count) return null;

        var units = new List<Unit>();
        var metadata = neither.Select(i => (lines[i].ContentStart, lines[i].ContentEnd)).ToList();
        foreach (var (a, b) in best.Pairs)
        {
            var ja = new List<(int, int)>();
            var en = new List<(int, int)>();
            foreach (int r in new[] { a, b })
                if (r >= 0) (runs[r].Script == Script.Japanese ? ja : en).AddRange(Regions(lines, runs[r].Lines));
            if (ja.Count == 0 && units.Count == 0) metadata.AddRange(en); // an English header before the first pair
            else units.Add(new Unit(ja, en));
        }
        bool single = runs.All(r => r.Lines.Count == 1);
        return new Detected(single ? BilingualLayout.AlternatingLines : BilingualLayout.AlternatingParagraphs, units, metadata);
    }

    private sealed record Plan(List<(int A, int B)> Pairs, double Cost);

    private static Plan Pair(string text, List<Line> lines, List<(Script Script, List<int> Lines)> runs, Script first)
    {
        var pairs = new List<(int, int)>();
        double cost = 0;
        int r = 0;
        while (r < runs.Count)
        {
            if (runs[r].Script == first && r + 1 < runs.Count)
            {
                pairs.Add((r, r + 1));
                // Blank lines inside a pair, and implausible lengths, speak against this order.
                if (lines[runs[r].Lines[^1] + 1].IsBlank) cost += 1;
                if (!Plausible(text, lines, runs[r].Lines, runs[r + 1].Lines, first)) cost += 1;
                r += 2;
            }
            else
            {
                pairs.Add((r, -1));
                cost += 2;
                r++;
            }
        }
        return new Plan(pairs, cost);
    }

    /// <summary>English text is 0.4 to 12 times as many characters as its Japanese (typically 2 to 3).</summary>
    private static bool Plausible(string text, List<Line> lines, List<int> a, List<int> b, Script aScript)
    {
        double la = a.Sum(i => lines[i].ContentEnd - lines[i].ContentStart);
        double lb = b.Sum(i => lines[i].ContentEnd - lines[i].ContentStart);
        double ratio = aScript == Script.Japanese ? lb / la : la / lb;
        return ratio is >= 0.4 and <= 12;
    }

    /// <summary>A run's lines as regions: consecutive lines (blank lines between them included) make one region.</summary>
    private static IEnumerable<(int, int)> Regions(List<Line> lines, List<int> run)
    {
        int start = lines[run[0]].Start;
        for (int k = 1; k <= run.Count; k++)
        {
            if (k < run.Count && Enumerable.Range(run[k - 1] + 1, run[k] - run[k - 1] - 1).All(i => lines[i].IsBlank)) continue;
            yield return (start, lines[run[k - 1]].ContentEnd);
            if (k < run.Count) start = lines[run[k]].Start;
        }
    }
}
