using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Taiyaku.Alignment;

namespace Taiyaku.Formats;

/// <summary>
/// Reads and writes alignments in vecalign's format: one link per line, <c>[0, 1]:[0]</c>, <c>[5]:[]</c>,
/// with 0-based indices into one-sentence-per-line files. Blank lines are ignored, as vecalign's scorer does.
/// </summary>
public static class VecalignLinks
{
    /// <summary>Parses one line such as <c>[0, 1]:[2]</c>; false with a reason when it is malformed.</summary>
    public static bool TryParseLine(ReadOnlySpan<char> line, [NotNullWhen(true)] out IndexLink? link, [NotNullWhen(false)] out string? error)
    {
        link = null;
        line = line.Trim();
        int colon = line.IndexOf("]:[", StringComparison.Ordinal);
        if (colon < 0 || line.Length < 5 || line[0] != '[' || line[^1] != ']')
        {
            error = "expected a link like [0, 1]:[2]";
            return false;
        }
        if (!TryParseList(line[1..colon], out var src, out error) || !TryParseList(line[(colon + 3)..^1], out var tgt, out error))
            return false;
        link = new IndexLink(src, tgt);
        return true;
    }

    private static bool TryParseList(ReadOnlySpan<char> body, out List<int> ids, [NotNullWhen(false)] out string? error)
    {
        ids = new List<int>();
        error = null;
        if (body.Trim().IsEmpty) return true;
        foreach (var range in body.Split(','))
        {
            var part = body[range].Trim();
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                error = $"'{part.ToString()}' is not a sentence index (a non-negative integer)";
                return false;
            }
            ids.Add(id);
        }
        return true;
    }

    /// <summary>Reads every link of a file; the exception names the file and line of the first malformed link.</summary>
    /// <exception cref="FormatException">A line is not a link.</exception>
    public static IReadOnlyList<IndexLink> Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var links = new List<IndexLink>();
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!TryParseLine(line, out var link, out var error))
                throw new FormatException($"{fileName}:{lineNo}: {error}");
            links.Add(link!);
        }
        return links;
    }

    /// <summary>Reads every link of the file at <paramref name="path"/> (UTF-8).</summary>
    /// <exception cref="FormatException">A line is not a link; the message names the file and line.</exception>
    public static IReadOnlyList<IndexLink> ReadFile(string path)
    {
        using var reader = new StreamReader(path, TextFiles.StrictUtf8);
        return Read(reader, path);
    }

    /// <summary>Writes one link per line.</summary>
    public static void Write(TextWriter writer, IEnumerable<IndexLink> links)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(links);
        foreach (var link in links) writer.Write(link.ToString() + "\n");
    }

    /// <summary>Writes the links of <paramref name="result"/> one per line, as <see cref="Write(TextWriter, IEnumerable{IndexLink})"/>
    /// writes them, without making an <see cref="IndexLink"/> or a string per link (a million-link result is written in
    /// a fraction of the time).</summary>
    public static void Write(TextWriter writer, AlignmentResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        Span<char> number = stackalloc char[11];
        foreach (var link in result.Links)
        {
            Range(link.SourceStart, link.SourceCount, number);
            writer.Write(':');
            Range(link.TargetStart, link.TargetCount, number);
            writer.Write('\n');
        }

        void Range(int start, int count, Span<char> number)
        {
            writer.Write('[');
            for (int i = start; i < start + count; i++)
            {
                if (i > start) writer.Write(", ");
                i.TryFormat(number, out int length, default, CultureInfo.InvariantCulture);
                writer.Write(number[..length]);
            }
            writer.Write(']');
        }
    }

    /// <summary>The links of an alignment result in vecalign's form.</summary>
    public static IEnumerable<IndexLink> From(AlignmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Links.Select(IndexLink.From);
    }
}
