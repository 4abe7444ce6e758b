using Taiyaku.Formats;
using Taiyaku.Pipeline;

namespace Taiyaku.Evaluation;

/// <summary>One bin of a reliability table: links whose score fell in [<paramref name="Low"/>, <paramref name="High"/>).</summary>
/// <param name="Low">Lower bound of the scores in the bin.</param>
/// <param name="High">Upper bound (exclusive, except 1 for the last bin).</param>
/// <param name="Count">Links in the bin.</param>
/// <param name="MeanScore">Their mean score.</param>
/// <param name="Accuracy">The share of them that are in the gold.</param>
public sealed record CalibrationBin(double Low, double High, int Count, double MeanScore, double Accuracy);

/// <summary>How an aligner did on documents with gold alignments.</summary>
/// <param name="Score">Strict and lax precision, recall and F1, pooled over the documents.</param>
/// <param name="Calibration">Reliability table of the link scores (ten bins of width 0.1).</param>
/// <param name="ExpectedCalibrationError">Σ over bins of (links in bin / all links) · |accuracy − mean score|.</param>
/// <param name="Links">Links produced.</param>
/// <param name="Elapsed">Time spent aligning (analysis included, reading excluded).</param>
public sealed record CorpusEvaluation(AlignmentScore Score, IReadOnlyList<CalibrationBin> Calibration, double ExpectedCalibrationError, int Links, TimeSpan Elapsed)
{
    /// <summary>Gold links with one empty side (a sentence without counterpart), over all documents.</summary>
    public int OneSidedGold { get; init; }

    /// <summary>How many of <see cref="OneSidedGold"/> the aligner produced exactly.</summary>
    public int OneSidedReproduced { get; init; }

    /// <summary>
    /// Area under the ROC curve of the link scores as a test of "the link is in the gold": the probability that a right
    /// link scores above a wrong one (ties count half). NaN without scores or without both kinds of link.
    /// </summary>
    public double Auroc { get; init; } = double.NaN;

    /// <summary>With <see cref="CorpusEvaluator.EvaluateRaw"/>: lines set apart as page furniture or metadata (never aligned). 0 otherwise.</summary>
    public int LinesSetApart { get; init; }

    /// <summary>Each document's score and links, in the order given (for reports: per-document F1, the worst links).</summary>
    public IReadOnlyList<DocumentEvaluation> Documents { get; init; } = [];
}

/// <summary>One link the aligner made in an evaluated document.</summary>
/// <param name="Link">The link (for a raw evaluation, projected onto the gold's lines).</param>
/// <param name="Score">Its calibrated score; NaN when not computed.</param>
/// <param name="InGold">Whether the gold holds exactly this link.</param>
public sealed record EvaluatedLink(IndexLink Link, double Score, bool InGold);

/// <summary>One document of an evaluation: its score against its gold and the links the aligner made.</summary>
/// <param name="Name">The document's name (NAME of NAME.ja / NAME.en / NAME.gold).</param>
/// <param name="Score">Its precision, recall and F1.</param>
/// <param name="Links">The aligner's links, in order.</param>
public sealed record DocumentEvaluation(string Name, AlignmentScore Score, IReadOnlyList<EvaluatedLink> Links);

/// <summary>Aligns documents with gold alignments and scores the result, links and link scores.</summary>
public static class CorpusEvaluator
{
    /// <summary>Aligns every document with <paramref name="aligner"/> and scores it against its gold.</summary>
    /// <exception cref="ArgumentException">There is no document, or a gold link points outside its document (the message names
    /// the document and the link), as <see cref="ParameterFitter.Fit"/> checks.</exception>
    public static CorpusEvaluation Evaluate(IReadOnlyList<GoldDocument> documents, DocumentAligner aligner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(aligner);
        return Score(documents, d =>
        {
            var result = aligner.AlignSentences(d.Japanese, d.English, cancellationToken);
            return (result.Links.Select(l => new LineLink(IndexLink.From(l), l.Score)).ToList(), 0);
        });
    }

    /// <summary>
    /// Evaluates the whole pipeline: each document's lines, joined by newlines, are aligned as raw documents
    /// (layout detection, furniture, sentence segmentation), and the sentence links are projected onto the lines
    /// (see <see cref="LineProjection"/>) and scored against the gold, whose units are the lines.
    /// </summary>
    /// <exception cref="ArgumentException">There is no document, or a gold link points outside its document (the message names
    /// the document and the link), as <see cref="ParameterFitter.Fit"/> checks.</exception>
    public static CorpusEvaluation EvaluateRaw(IReadOnlyList<GoldDocument> documents, DocumentAligner aligner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(aligner);
        return Score(documents, d =>
        {
            var doc = aligner.Align(string.Join("\n", d.Japanese) + "\n", string.Join("\n", d.English) + "\n", cancellationToken);
            return (LineProjection.Project(doc), LineProjection.LinesSetApart(doc));
        });
    }

    /// <summary>
    /// Aligns each document with <paramref name="align"/> (its links with their scores, and how many lines it set apart)
    /// and scores the links against the gold: counts, one-sided links, calibration and AUROC over the scored links.
    /// </summary>
    private static CorpusEvaluation Score(IReadOnlyList<GoldDocument> documents, Func<GoldDocument, (IReadOnlyList<LineLink> Links, int SetApart)> align)
    {
        GoldDocument.Validate(documents, nameof(documents), "evaluate");
        var counts = new ScoreCounts();
        var scored = new List<(double Score, bool Correct)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int links = 0, setApart = 0, oneSidedGold = 0, oneSidedHit = 0;
        var perDocument = new List<DocumentEvaluation>(documents.Count);
        foreach (var d in documents)
        {
            var (test, apart) = align(d);
            setApart += apart;
            var testLinks = test.Select(l => l.Link).ToList();
            var count = AlignmentScorer.Count(d.Gold, testLinks);
            counts += count;
            var gold = d.Gold.ToHashSet();
            CountOneSided(d.Gold, testLinks.ToHashSet(), ref oneSidedGold, ref oneSidedHit);
            var evaluated = test.Select(l => new EvaluatedLink(l.Link, l.Score, gold.Contains(l.Link))).ToArray();
            foreach (var l in evaluated)
                if (!double.IsNaN(l.Score)) scored.Add((l.Score, l.InGold));
            perDocument.Add(new DocumentEvaluation(d.Name, count.ToScore(), evaluated));
            links += test.Count;
        }
        clock.Stop();
        var (bins, ece) = Calibrate(scored);
        return new CorpusEvaluation(counts.ToScore(), bins, ece, links, clock.Elapsed)
        {
            LinesSetApart = setApart,
            OneSidedGold = oneSidedGold,
            OneSidedReproduced = oneSidedHit,
            Auroc = AreaUnderRoc(scored),
            Documents = perDocument,
        };
    }

    private static (List<CalibrationBin> Bins, double Ece) Calibrate(List<(double Score, bool Correct)> scored)
    {
        var bins = new List<CalibrationBin>();
        double ece = 0;
        for (int b = 0; b < 10; b++)
        {
            double low = b / 10.0, high = (b + 1) / 10.0;
            var inBin = scored.Where(x => x.Score >= low && (x.Score < high || (b == 9 && x.Score <= 1))).ToList();
            if (inBin.Count == 0) continue;
            double mean = inBin.Average(x => x.Score), accuracy = inBin.Count(x => x.Correct) / (double)inBin.Count;
            bins.Add(new CalibrationBin(low, high, inBin.Count, mean, accuracy));
            ece += inBin.Count / (double)scored.Count * Math.Abs(accuracy - mean);
        }
        return (bins, ece);
    }

    /// <summary>Counts the gold links with one empty side and those of them that the test links hold.</summary>
    private static void CountOneSided(IReadOnlyList<IndexLink> gold, HashSet<IndexLink> test, ref int total, ref int reproduced)
    {
        foreach (var g in gold)
        {
            if ((g.Source.Count == 0) == (g.Target.Count == 0)) continue;
            total++;
            if (test.Contains(g)) reproduced++;
        }
    }

    /// <summary>The Mann–Whitney form of the area under the ROC curve: ranks with ties averaged.</summary>
    internal static double AreaUnderRoc(IReadOnlyList<(double Score, bool Correct)> scored)
    {
        long positives = scored.Count(x => x.Correct), negatives = scored.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        var sorted = scored.OrderBy(x => x.Score).ToArray();
        double rankSum = 0;
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j < sorted.Length && sorted[j].Score == sorted[i].Score) j++;
            double meanRank = (i + 1 + j) / 2.0;   // ranks i+1..j
            for (int k = i; k < j; k++) if (sorted[k].Correct) rankSum += meanRank;
            i = j;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
