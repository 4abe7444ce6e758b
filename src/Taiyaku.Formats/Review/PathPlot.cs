using System.Globalization;
using System.Text;

namespace Taiyaku.Formats.Review;

/// <summary>
/// The alignment path as SVG: Japanese sentence index across, English index down, one mark per link coloured by its
/// score; a sentence with no counterpart is a tick on its own axis's margin (Japanese along the top, English on the
/// left), so drift and omissions show at a glance. Only numbers go into the picture, never text from the documents.
/// </summary>
internal static class PathPlot
{
    private const double Size = 560, Margin = 30;

    public static string Svg(ReviewDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var inv = CultureInfo.InvariantCulture;
        int n = Math.Max(1, doc.Source.Count), m = Math.Max(1, doc.Target.Count);
        double sx = Size / n, sy = Size / m;
        double minX = Math.Max(sx, 1.5), minY = Math.Max(sy, 1.5);
        var sb = new StringBuilder();
        double full = Size + Margin + 8;
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"path-plot\" width=\"{full:0}\" height=\"{full:0}\" viewBox=\"0 0 {full:0} {full:0}\" role=\"img\" aria-label=\"alignment path: Japanese sentence index across, English down\">\n");
        sb.Append(inv, $"<rect x=\"{Margin}\" y=\"{Margin}\" width=\"{Size}\" height=\"{Size}\" fill=\"#fafafa\" stroke=\"#999\" stroke-width=\"0.5\"/>\n");
        sb.Append(inv, $"<text x=\"{Margin}\" y=\"12\" font-size=\"11\" font-family=\"sans-serif\" fill=\"#555\">Japanese sentence 0–{doc.Source.Count - 1} →</text>\n");
        sb.Append(inv, $"<text x=\"8\" y=\"{Margin}\" font-size=\"11\" font-family=\"sans-serif\" fill=\"#555\" transform=\"rotate(90 8 {Margin})\">English sentence 0–{doc.Target.Count - 1} →</text>\n");
        int index = 0;
        foreach (var row in doc.Rows)
        {
            if (row.Kind != AlignedKind.Link) continue;
            var s = row.Link.Source;
            var t = row.Link.Target;
            string colour = Colour(row.Score);
            string title = $"<title>{row.Link}{(double.IsFinite(row.Score) ? " " + row.Score.ToString("0.###", inv) : "")}</title>";
            if (s.Count > 0 && t.Count > 0)
            {
                double x = Margin + s.Min() * sx, y = Margin + t.Min() * sy;
                double w = Math.Max((s.Max() - s.Min() + 1) * sx, minX), h = Math.Max((t.Max() - t.Min() + 1) * sy, minY);
                sb.Append(inv, $"<rect class=\"link\" data-row=\"{index}\" x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{w:0.##}\" height=\"{h:0.##}\" fill=\"{colour}\">{title}</rect>\n");
            }
            else if (s.Count > 0)
            {
                double x = Margin + s.Min() * sx, w = Math.Max((s.Max() - s.Min() + 1) * sx, minX);
                sb.Append(inv, $"<rect class=\"unaligned source\" data-row=\"{index}\" x=\"{x:0.##}\" y=\"{Margin - 8}\" width=\"{w:0.##}\" height=\"6\" fill=\"#d62728\">{title}</rect>\n");
            }
            else if (t.Count > 0)
            {
                double y = Margin + t.Min() * sy, h = Math.Max((t.Max() - t.Min() + 1) * sy, minY);
                sb.Append(inv, $"<rect class=\"unaligned target\" data-row=\"{index}\" x=\"{Margin - 8}\" y=\"{y:0.##}\" width=\"6\" height=\"{h:0.##}\" fill=\"#d62728\">{title}</rect>\n");
            }
            else sb.Append(inv, $"<g class=\"link empty\" data-row=\"{index}\"/>\n");
            index++;
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>Red (0) through amber to green (1); grey when there is no score.</summary>
    public static string Colour(double score)
    {
        if (!double.IsFinite(score)) return "#888888";
        double p = Math.Clamp(score, 0, 1);
        return string.Create(CultureInfo.InvariantCulture, $"hsl({p * 120:0},70%,42%)");
    }

    public static void Write(Stream output, ReviewDocument doc)
    {
        ArgumentNullException.ThrowIfNull(output);
        var bytes = new UTF8Encoding(false).GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Svg(doc));
        output.Write(bytes);
    }
}
