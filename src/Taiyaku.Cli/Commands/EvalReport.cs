using System.Globalization;
using System.Net;
using System.Text;
using Taiyaku.Evaluation;
using Taiyaku.Formats;
using Taiyaku.Formats.Review;

namespace Taiyaku.Cli.Commands;

/// <summary>
/// <c>eval --corpus DIR --report FILE</c>: one static HTML file (no script, nothing fetched): the summary, per-document
/// F1, a reliability diagram of the link scores and the worst links (wrong links, highest score first) with their
/// text. Every text is HTML-encoded.
/// </summary>
internal static class EvalReport
{
    private const int Worst = 100;

    public static void Write(Stream output, string corpus, IReadOnlyList<GoldDocument> documents, CorpusEvaluation e)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
          .Append("<title>Taiyaku evaluation: ").Append(H(corpus)).Append("</title>\n<style>\n")
          .Append("body{font-family:system-ui,sans-serif;margin:16px;color:#222}table{border-collapse:collapse;margin:8px 0 20px}")
          .Append("td,th{border-bottom:1px solid #eee;padding:3px 8px;text-align:left;vertical-align:top;font-size:13px;unicode-bidi:plaintext;white-space:pre-wrap}")
          .Append("td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.text{max-width:40em}h2{font-size:16px;margin-top:24px}")
          .Append("</style>\n</head>\n<body>\n");
        sb.Append("<h1>Taiyaku evaluation: ").Append(H(corpus)).Append("</h1>\n");
        var s = e.Score;
        sb.Append(inv, $"<p>{documents.Count} documents, {e.Links} links. Strict P {s.StrictPrecision:F4} R {s.StrictRecall:F4} <b>F1 {s.StrictF1:F4}</b>; lax P {s.LaxPrecision:F4} R {s.LaxRecall:F4} F1 {s.LaxF1:F4}. ");
        sb.Append(inv, $"Expected calibration error {e.ExpectedCalibrationError:F4}, AUROC {e.Auroc:F4}.</p>\n");

        sb.Append("<h2>Reliability of the link scores</h2>\n<p>Each bin of scores (width 0.1): the share of its links that are in the gold against their mean score; on the diagonal a score is the probability that the link is right. Dot area grows with the number of links.</p>\n");
        sb.Append(Reliability(e.Calibration));

        sb.Append("<h2>Documents (worst first)</h2>\n<table>\n<tr><th>document</th><th class=\"num\">links</th><th class=\"num\">strict F1</th><th class=\"num\">lax F1</th><th class=\"num\">wrong links</th></tr>\n");
        foreach (var d in e.Documents.OrderBy(d => d.Score.StrictF1).ThenBy(d => d.Name, StringComparer.Ordinal))
            sb.Append(inv, $"<tr><td>{H(d.Name)}</td><td class=\"num\">{d.Links.Count}</td><td class=\"num\">{d.Score.StrictF1:F4}</td><td class=\"num\">{d.Score.LaxF1:F4}</td><td class=\"num\">{d.Links.Count(l => !l.InGold)}</td></tr>\n");
        sb.Append("</table>\n");

        var byName = documents.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var worst = e.Documents.SelectMany(d => d.Links.Where(l => !l.InGold).Select(l => (Doc: d.Name, l.Link, l.Score)))
            .OrderByDescending(x => double.IsNaN(x.Score) ? -1 : x.Score).ThenBy(x => x.Doc, StringComparer.Ordinal).Take(Worst).ToList();
        sb.Append(inv, $"<h2>Worst links: the {worst.Count} wrong links scored highest</h2>\n");
        sb.Append("<table>\n<tr><th>document</th><th>link</th><th class=\"num\">score</th><th>Japanese</th><th>English</th><th>gold links of these sentences</th></tr>\n");
        foreach (var (doc, link, score) in worst)
        {
            var g = byName[doc];
            var gold = g.Gold.Where(x => x.Source.Intersect(link.Source).Any() || x.Target.Intersect(link.Target).Any());
            sb.Append(inv, $"<tr><td>{H(doc)}</td><td>{H(link.ToString())}</td><td class=\"num\" style=\"background:{PathPlot.Colour(score)};color:#fff\">{(double.IsNaN(score) ? "–" : score.ToString("F3", inv))}</td>");
            sb.Append("<td class=\"text\">").Append(H(string.Join(" ", link.Source.Where(i => i < g.Japanese.Count).Select(i => g.Japanese[i])))).Append("</td>");
            sb.Append("<td class=\"text\">").Append(H(string.Join(" ", link.Target.Where(i => i < g.English.Count).Select(i => g.English[i])))).Append("</td>");
            sb.Append("<td>").Append(H(string.Join(" ", gold))).Append("</td></tr>\n");
        }
        sb.Append("</table>\n</body>\n</html>\n");
        output.Write(new UTF8Encoding(false).GetBytes(sb.ToString()));
    }

    // HTML-encoded, and lone surrogates (which UTF-8 cannot carry) replaced.
    private static string H(string text) => WebUtility.HtmlEncode(AlignmentWriter.XmlSafe(text));

    private static string Reliability(IReadOnlyList<CalibrationBin> bins)
    {
        var inv = CultureInfo.InvariantCulture;
        const double size = 300, m = 40;
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size + m + 10}\" height=\"{size + m + 10}\" role=\"img\" aria-label=\"reliability diagram\">\n");
        sb.Append(inv, $"<rect x=\"{m}\" y=\"10\" width=\"{size}\" height=\"{size}\" fill=\"#fafafa\" stroke=\"#999\"/>\n");
        sb.Append(inv, $"<line x1=\"{m}\" y1=\"{size + 10}\" x2=\"{m + size}\" y2=\"10\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>\n");
        for (int k = 0; k <= 10; k += 2)
        {
            double v = k / 10.0;
            sb.Append(inv, $"<text x=\"{m + v * size:0.#}\" y=\"{size + 26}\" font-size=\"10\" text-anchor=\"middle\">{v:0.0}</text>");
            sb.Append(inv, $"<text x=\"{m - 4}\" y=\"{size + 13 - v * size:0.#}\" font-size=\"10\" text-anchor=\"end\">{v:0.0}</text>\n");
        }
        sb.Append(inv, $"<text x=\"{m + size / 2}\" y=\"{size + 40}\" font-size=\"11\" text-anchor=\"middle\">mean score</text>\n");
        sb.Append(inv, $"<text x=\"10\" y=\"{10 + size / 2}\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 10 {10 + size / 2})\">share in gold</text>\n");
        int max = bins.Count == 0 ? 1 : bins.Max(b => b.Count);
        var points = new List<string>();
        foreach (var b in bins)
        {
            double x = m + b.MeanScore * size, y = 10 + size - b.Accuracy * size;
            points.Add(string.Create(inv, $"{x:0.#},{y:0.#}"));
            double r = 3 + 9 * Math.Sqrt(b.Count / (double)max);
            sb.Append(inv, $"<circle class=\"bin\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{r:0.#}\" fill=\"{PathPlot.Colour(b.MeanScore)}\" fill-opacity=\"0.8\"><title>{b.Low:0.0}–{b.High:0.0}: {b.Count} links, mean score {b.MeanScore:F3}, in gold {b.Accuracy:F3}</title></circle>\n");
        }
        if (points.Count > 1) sb.Append("<polyline fill=\"none\" stroke=\"#333\" stroke-width=\"1\" points=\"").Append(string.Join(" ", points)).Append("\"/>\n");
        sb.Append("</svg>\n");
        return sb.ToString();
    }
}
