namespace Taiyaku.Text;

/// <summary>A line of the original text: its whole extent and its content without surrounding whitespace.</summary>
internal readonly record struct Line(int Start, int ContentStart, int ContentEnd)
{
    public bool IsBlank => ContentStart >= ContentEnd;

    public ReadOnlySpan<char> Content(string text) => text.AsSpan(ContentStart, ContentEnd - ContentStart);

    /// <summary>Splits <paramref name="text"/>[start, end) into lines ended by \n, \r\n or \r.</summary>
    public static List<Line> Split(string text, int start, int end)
    {
        var lines = new List<Line>();
        int i = start;
        while (i < end)
        {
            int lineStart = i;
            while (i < end && text[i] != '\n' && text[i] != '\r') i++;
            int contentEnd = i;
            if (i < end && text[i] == '\r') i++;
            if (i < end && text[i] == '\n' && (i == contentEnd || text[i - 1] == '\r')) i++;
            int cs = lineStart;
            while (cs < contentEnd && char.IsWhiteSpace(text[cs])) cs++;
            int ce = contentEnd;
            while (ce > cs && char.IsWhiteSpace(text[ce - 1])) ce--;
            lines.Add(new Line(lineStart, cs, ce));
        }
        return lines;
    }
}
