using System.Globalization;
using System.Runtime.CompilerServices;
using static System.FormattableString;
using Taiyaku.Alignment;
using Taiyaku.Features;
using Taiyaku.Japanese;
using Taiyaku.Text;

namespace Taiyaku.Pipeline;

/// <summary>
/// Aligns raw Japanese and English documents sentence by sentence: segmentation (with page furniture set apart),
/// sentence lengths and lexical anchors, then the aligner, optionally a learned second pass, and a confidence score per
/// link. Immutable and thread-safe; build once and share.
/// </summary>
public sealed class DocumentAligner
{
    private readonly SentenceSegmenter _segmenter;
    private readonly GaleChurchOptions _core;
    private readonly GaleChurchAligner _aligner;
    private readonly GaleChurchAligner _firstPass;
    private readonly MorphologicalAnalyzer? _analyzer;
    private readonly AnchorExtractor? _anchors;
    private readonly TranslationModel? _translations;
    private readonly DocumentAligner? _untranslated;

    private readonly IReadOnlyList<IAnchorSource> _sources;

    /// <summary>Built by <see cref="DocumentAlignerBuilder.Build"/>, which documents each part.</summary>
    internal DocumentAligner(DocumentAlignerOptions? options = null, MorphologicalAnalyzer? analyzer = null,
        IBilingualLexicon? lexicon = null, TranslationModel? translations = null, IReadOnlyList<IAnchorSource>? sources = null)
    {
        Options = options ?? DocumentAlignerOptions.Default;
        ArgumentNullException.ThrowIfNull(Options.Parameters, "options.Parameters");
        if (Options.Parameters.Length == LengthMeasure.Tokens && analyzer == null)
            throw new ArgumentNullException(nameof(analyzer), "Token lengths need a Japanese analyzer.");
        if (Options.Parameters.DeletionRates?.Any(r => !(r > 0 && r < 1)) == true)
            throw new ArgumentOutOfRangeException(nameof(options), "Every deletion rate must be in (0, 1).");
        _segmenter = new SentenceSegmenter(Options.Segmentation);
        _core = Options.CoreOptions();
        _aligner = new GaleChurchAligner(_core);
        // A first pass that later passes refine (the learned second pass, the deletion shares) keeps the path of its
        // first band: they start from it and search again where it came near the band's edge.
        bool refined = Options.Anchors.SecondPass || (Options.Parameters.DeletionRates is { Count: > 0 } && _core.UnmatchedItemCost > 0);
        _firstPass = refined ? new GaleChurchAligner(_core with { FirstPathOnly = true }) : _aligner;
        _analyzer = analyzer;
        _translations = translations;
        _lexicon = lexicon;
        _sources = sources ?? [];
        if (Options.Anchors.Any || _sources.Count > 0)
            _anchors = new AnchorExtractor(Options.Anchors, analyzer, lexicon, _sources);
        if (Options.Parameters.Untranslated is { } u)
        {
            if (u.Parameters.Untranslated != null)
                throw new ArgumentException("The parameters for untranslated passages cannot hold their own.", nameof(options));
            if (u.Parameters.Length != Options.Parameters.Length)
                throw new ArgumentException("The parameters for untranslated passages (AlignmentParameters.Untranslated) measure lengths otherwise: set Untranslated to null (as AlignmentParameters.CompleteTranslations does) to align with another length measure.", nameof(options));
            if (!(u.MinBlockShare >= 0 && u.MinBlockShare <= 1))
                throw new ArgumentOutOfRangeException(nameof(options), u.MinBlockShare, "The block share must be in [0, 1].");
            _untranslated = new DocumentAligner(Options with { Parameters = u.Parameters }, analyzer, lexicon, translations, sources);
        }
        // The second pass learns from the first pass of the untranslated set when there is one (see AlignChoosing).
        TranslationSettings = _untranslated?.TranslationSettings ?? DescribeFirstPass(Options, _core, analyzer, lexicon);
    }

    /// <summary>
    /// The share of <see cref="UntranslatedPassages.MinBlockShare"/> below which the partial set's first pass alone
    /// decides that a document is complete (its final pass skipped).
    /// </summary>
    private const double ClearlyCompleteShare = 0.25;

    /// <summary>The aligner whose first pass the learned second pass learns from.</summary>
    private GaleChurchAligner FirstPassAligner => (_untranslated ?? this)._firstPass;

    /// <summary>
    /// What shapes the confident links <see cref="CollectTranslations(IReadOnlyList{string}, IReadOnlyList{string}, CancellationToken)"/>
    /// learns from, as one canonical line: the length measure, the search parameters, the anchors and their weights,
    /// the segmentation, the lexicon and the Japanese dictionary (with <see cref="AlignmentParameters.Untranslated"/>, those
    /// of its set, whose first pass every document goes through). The statistics it collects carry it
    /// (<see cref="TranslationStatistics.Settings"/>): statistics of other settings are not merged, and a model
    /// is best used with the settings it was learned with.
    /// </summary>
    public string TranslationSettings { get; }

    private static string DescribeFirstPass(DocumentAlignerOptions o, GaleChurchOptions a, MorphologicalAnalyzer? analyzer, IBilingualLexicon? lexicon)
    {
        var an = o.Anchors;
        var seg = o.Segmentation;
        var dictionary = analyzer?.Dictionary is { } d ? $"{d.Charset}:{d.SystemEntryCount}+{d.UserDictionaries.Count}" : "none";
        return string.Join("; ",
            $"length={o.Parameters.Length}",
            Invariant($"ratio={a.LengthRatio?.ToString("R", CultureInfo.InvariantCulture) ?? "auto"}"),
            Invariant($"variance={a.Variance:R}"),
            "beads=" + string.Join(",", a.Beads.Select(b => Invariant($"{b.SourceCount}-{b.TargetCount}:{b.Probability:R}"))),
            Invariant($"search={a.Search}/{a.InitialBandWidth}/{a.AnchorBandWidth}"),
            Invariant($"anchor-weight={a.AnchorWeight:R}"),
            Invariant($"unmatched={a.UnmatchedItemCost:R}"),
            Invariant($"deletion-open={a.DeletionOpenCost:R}"),
            Invariant($"anchors={Flag(an.Numbers, "numbers", an.NumberWeight)},{Flag(an.Latin, "latin", an.LatinWeight)},{Flag(an.Names, "names", an.NameWeight)},{Flag(an.Dictionary, "dictionary", an.WordWeight)},{Flag(an.Punctuation, "punctuation", an.PunctuationWeight)},{(an.LineShapes ? Invariant($"line-shapes:{an.OtherScriptLineWeight:R}/{an.BracketedLineWeight:R}/{an.CapitalsLineWeight:R}") : "-line-shapes")}/{an.MemoryLimit}"),
            Invariant($"segmentation={seg.LineBreaks}/{seg.DetectFurniture}/{seg.FurnitureMinRepeats}/{seg.FurnitureMaxLength}/{seg.PageBreakJoinMinLength}"),
            $"lexicon={lexicon?.GetType().Name ?? "none"}",
            $"dictionary={dictionary}");

        static string Flag(bool on, string name, double weight) => on ? Invariant($"{name}:{weight:R}") : "-" + name;
    }

    /// <summary>The settings in use.</summary>
    public DocumentAlignerOptions Options { get; }

    private readonly IBilingualLexicon? _lexicon;

    /// <summary>A builder holding this aligner's options and parts, to build a variant (e.g. with other parameters).</summary>
    public DocumentAlignerBuilder ToBuilder()
    {
        var builder = new DocumentAlignerBuilder().UseOptions(Options);
        if (_analyzer != null) builder.UseAnalyzer(_analyzer);
        if (_lexicon != null) builder.UseLexicon(_lexicon);
        if (_translations != null) builder.UseTranslationModel(_translations);
        foreach (var source in _sources) builder.AddAnchorSource(source);
        return builder;
    }

    /// <summary>Aligns a Japanese text with its English translation, both raw (paragraphs, wrapped lines, page stamps).</summary>
    public DocumentAlignment Align(string japanese, string english, CancellationToken cancellationToken = default) =>
        Align(japanese, english, null, cancellationToken);

    /// <summary>As <see cref="Align(string, string, CancellationToken)"/>, reporting the alignment's progress.</summary>
    /// <param name="japanese">The Japanese text, raw.</param>
    /// <param name="english">The English text, raw.</param>
    /// <param name="progress">Told how far each search of the aligner has come (see <see cref="AlignmentProgress"/>;
    /// the searches of all passes are numbered in one sequence), from the thread that runs that search (one search reports at a time, in order); null for no reports.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public DocumentAlignment Align(string japanese, string english, IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken = default)
    {
        var (ja, en) = Segment(japanese, english, cancellationToken);
        var (result, anchored, memory) = AlignWhole(ja.SentenceTexts, en.SentenceTexts, progress, cancellationToken);
        return new DocumentAlignment(ja, en, [], result) { Anchored = anchored, AnchorMemory = memory };
    }

    /// <summary>
    /// The first step of <see cref="Align(string, string, CancellationToken)"/>: both raw texts segmented as it segments them
    /// (<see cref="DocumentAlignerOptions.Segmentation"/>). Aligning their <see cref="SegmentedText.SentenceTexts"/> then
    /// gives the same links; a caller that needs only the links can let the texts go after
    /// <see cref="Prepare(IReadOnlyList{string}, IReadOnlyList{string}, CancellationToken)"/>.
    /// </summary>
    /// <param name="japanese">The Japanese text, raw.</param>
    /// <param name="english">The English text, raw.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public (SegmentedText Japanese, SegmentedText English) Segment(string japanese, string english, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        ArgumentNullException.ThrowIfNull(english);
        // The two sides are segmented side by side (measured, a 100 MB pair: 4.9 s one after the other).
        var enTask = Task.Run(() => _segmenter.SegmentEnglish(english, cancellationToken), cancellationToken);
        var ja = _segmenter.SegmentJapanese(japanese, cancellationToken);
        return (ja, enTask.GetAwaiter().GetResult());
    }

    /// <summary>
    /// Aligns the two parts of one document that holds a Japanese original and its English translation: in blocks, or
    /// paired by the document itself (one pair per line or CSV record, alternating lines or paragraphs; see
    /// <see cref="SentenceSegmenter.SegmentBilingual"/>). The document's own pairs are kept: each is aligned on its own.
    /// </summary>
    public DocumentAlignment AlignBilingual(string document, CancellationToken cancellationToken = default) =>
        AlignBilingual(document, null, cancellationToken);

    /// <summary>
    /// As <see cref="AlignBilingual(string, CancellationToken)"/>, reporting the alignment's progress. A document that
    /// makes its own pairs is reported as one search whose rows are its Japanese sentences, counted pair by pair.
    /// </summary>
    /// <param name="document">The bilingual document, raw.</param>
    /// <param name="progress">Told how far each search of the aligner has come (see <see cref="AlignmentProgress"/>;
    /// the searches of all passes are numbered in one sequence), from the thread that runs that search (one search reports at a time, in order); null for no reports.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public DocumentAlignment AlignBilingual(string document, IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var doc = _segmenter.SegmentBilingual(document, cancellationToken);
        var (result, anchored, memory) = doc.Pairings.Count == 0
            ? AlignWhole(doc.Japanese.SentenceTexts, doc.English.SentenceTexts, progress, cancellationToken)
            : AlignPairings(doc, progress, cancellationToken);
        return new DocumentAlignment(doc.Japanese, doc.English, doc.Metadata, result)
            { BilingualLayout = doc.Layout, Pairings = doc.Pairings, Anchored = anchored, AnchorMemory = memory };
    }

    /// <summary>Segmented sentences prepared and aligned, with whether anchors were used and their projected memory.</summary>
    private (AlignmentResult Result, bool Anchored, long AnchorMemory) AlignWhole(IReadOnlyList<string> japanese, IReadOnlyList<string> english,
        IProgress<AlignmentProgress>? progress, CancellationToken ct)
    {
        var prepared = Prepare(japanese, english, ct);
        return (Align(prepared, progress, ct), prepared.Anchored, prepared.AnchorMemory);
    }

    /// <summary>Aligns the sentences of each of the document's own pairs on their own; the links never cross a pair.</summary>
    private (AlignmentResult Result, bool Anchored, long AnchorMemory) AlignPairings(BilingualText doc, IProgress<AlignmentProgress>? progress, CancellationToken ct)
    {
        bool anchored = true;
        long memory = 0;
        var ja = doc.Japanese.SentenceTexts.ToArray();
        var en = doc.English.SentenceTexts.ToArray();
        var links = new List<Link>(doc.Pairings.Count);
        // Thousands of tiny searches: one report per percent of the Japanese sentences, not one search each.
        int step = Math.Max(1, ja.Length / 100), next = 0;
        foreach (var p in doc.Pairings)
        {
            if (progress != null && p.JapaneseStart >= next)
            {
                progress.Report(new AlignmentProgress(1, p.JapaneseStart, ja.Length));
                next = p.JapaneseStart + step;
            }
            var (part, partAnchored, partMemory) = AlignWhole(ja[p.JapaneseStart..(p.JapaneseStart + p.JapaneseCount)], en[p.EnglishStart..(p.EnglishStart + p.EnglishCount)], null, ct);
            (anchored, memory) = (anchored && partAnchored, Math.Max(memory, partMemory));
            foreach (var l in part.Links)
                links.Add(l with { SourceStart = l.SourceStart + p.JapaneseStart, TargetStart = l.TargetStart + p.EnglishStart });
        }
        progress?.Report(new AlignmentProgress(1, ja.Length, ja.Length));
        return (new AlignmentResult(links, ja.Length, en.Length), anchored, memory);
    }

    /// <summary>
    /// Aligns sentences that are already segmented (one string per sentence). Each link carries its cost and, when
    /// <see cref="DocumentAlignerOptions.Scores"/> is on, a calibrated <see cref="Link.Score"/>.
    /// </summary>
    public AlignmentResult AlignSentences(IReadOnlyList<string> japanese, IReadOnlyList<string> english, CancellationToken cancellationToken = default) =>
        Align(Prepare(japanese, english, cancellationToken), null, cancellationToken);

    /// <summary>As <see cref="AlignSentences(IReadOnlyList{string}, IReadOnlyList{string}, CancellationToken)"/>, reporting the alignment's progress.</summary>
    /// <param name="japanese">The Japanese sentences.</param>
    /// <param name="english">The English sentences.</param>
    /// <param name="progress">Told how far each search of the aligner has come (see <see cref="AlignmentProgress"/>;
    /// the searches of all passes are numbered in one sequence), from the thread that runs that search (one search reports at a time, in order); null for no reports.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public AlignmentResult AlignSentences(IReadOnlyList<string> japanese, IReadOnlyList<string> english, IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken = default) =>
        Align(Prepare(japanese, english, cancellationToken), progress, cancellationToken);

    /// <summary>
    /// Measures and analyses segmented sentences once (lengths, anchor items), so that several aligners that differ only
    /// in their length model, beads, λ or confidence model can align them without analysing them again.
    /// </summary>
    public PreparedDocument Prepare(IReadOnlyList<string> japanese, IReadOnlyList<string> english, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        ArgumentNullException.ThrowIfNull(english);
        // The two sides side by side; a null sentence is named after the caller's argument, not the measuring code's.
        var measuring = Task.Run(() => SentenceLengths.Measure(english, Options.Parameters.Length, japanese: false, null, nameof(english)), cancellationToken);
        var jaLengths = SentenceLengths.Measure(japanese, Options.Parameters.Length, japanese: true, _analyzer, nameof(japanese));
        var enLengths = measuring.GetAwaiter().GetResult();
        // Both sides' items, or neither (anchors off, or over their memory limit).
        var (jaItems, enItems, projected) = _anchors == null ? (null, null, 0) : Extract(japanese, english, cancellationToken);
        bool anchored = jaItems != null;
        return new PreparedDocument(Options.Parameters.Length, Options.Anchors, jaLengths, enLengths, jaItems, enItems,
            anchored ? Options.Anchors.OneSidedEvidence(japanese, true) : null, anchored ? Options.Anchors.OneSidedEvidence(english, false) : null)
            { AnchorMemory = projected };
    }

    /// <summary>Aligns a document prepared by an aligner with the same <see cref="AlignmentParameters.Length"/> and <see cref="DocumentAlignerOptions.Anchors"/>.</summary>
    /// <exception cref="ArgumentException">The document was prepared with other length or anchor settings.</exception>
    public AlignmentResult Align(PreparedDocument document, CancellationToken cancellationToken = default) =>
        Align(document, null, cancellationToken);

    /// <summary>As <see cref="Align(PreparedDocument, CancellationToken)"/>, reporting the alignment's progress.</summary>
    /// <param name="document">A document prepared with the same length and anchor settings.</param>
    /// <param name="progress">Told how far each search of the aligner has come (see <see cref="AlignmentProgress"/>;
    /// the searches of all passes are numbered in one sequence), from the thread that runs that search (one search reports at a time, in order); null for no reports.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <exception cref="ArgumentException">The document was prepared with other length or anchor settings.</exception>
    public AlignmentResult Align(PreparedDocument document, IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken = default)
    {
        var ((result, coverage), parameters) = AlignChoosing(document, SearchNumbering.For(progress), cancellationToken);
        if (!Options.Scores) return result;
        var model = parameters.Confidence;
        var links = new Link[result.Links.Count];
        for (int k = 0; k < links.Length; k++)
            links[k] = result.Links[k] with { Score = model.Score(result.Links[k], coverage[k]) };
        return new AlignmentResult(links, result.SourceCount, result.TargetCount);
    }

    /// <summary>
    /// The alignment before scoring, with each link's anchor coverage: what <see cref="ConfidenceModel.Score"/> reads
    /// (and what fitting a confidence model learns from). Without anchors every coverage is empty. With
    /// <see cref="AlignmentParameters.Untranslated"/> set this is the alignment <see cref="Align(PreparedDocument, CancellationToken)"/>
    /// keeps, and <see cref="AlignmentEvidence.Parameters"/> says which set made it.
    /// </summary>
    public AlignmentEvidence AlignWithEvidence(PreparedDocument document, CancellationToken cancellationToken = default)
    {
        var (evidence, parameters) = AlignChoosing(document, null, cancellationToken);
        return evidence with { Parameters = parameters };
    }

    /// <summary>
    /// The alignment and the parameters that made it. With <see cref="AlignmentParameters.Untranslated"/>, the document
    /// is aligned with the parameters for untranslated passages first, and that alignment is kept when it leaves enough
    /// of the text in one-sided blocks; else these parameters make the final pass. (Measured on the development corpora,
    /// deciding on the first pass alone would be cheaper but is a noisier signal: a 0.0115 share on a complete Bible book.)
    /// </summary>
    private (AlignmentEvidence Evidence, AlignmentParameters Parameters) AlignChoosing(PreparedDocument document, IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Length != Options.Parameters.Length || document.Anchors != Options.Anchors)
            throw new ArgumentException("The document was prepared with other length or anchor settings.", nameof(document));
        if (document.JapaneseItems is not { } jaItems || document.EnglishItems is not { } enItems)
        {
            var lengthsOnly = _aligner.Align(document.JaLengths, document.EnLengths, progress, cancellationToken);
            return (new AlignmentEvidence(lengthsOnly, new AnchorCoverage[lengthsOnly.Links.Count]), Options.Parameters);
        }

        using var keys = new DocumentKeys(jaItems, enItems);
        var first = FirstPass(document.JaLengths, document.EnLengths, keys, document.JapaneseOneSided, document.EnglishOneSided,
            progress, cancellationToken, out var kept);
        if (_untranslated != null)
        {
            // Clearly complete: the partial set's own final pass (its deletion-share searches) would not leave enough in
            // blocks either, so it is skipped. Measured on the development corpora: every partial translation's first
            // pass leaves 0.012 of its text or more in blocks; kyoto-wiki's complete ones 0 (tune: one at 0.005), the
            // Bible's 0 to 0.011 (7 of 13 books below 0.0025, Genesis 0.0017). Without the second pass the shortcut gives
            // the same links on every development document as the partial set's final pass did.
            bool clearlyComplete = UntranslatedPassages.BlockShare(first, document.JaLengths, document.EnLengths) < Options.Parameters.Untranslated!.MinBlockShare * ClearlyCompleteShare;
            PassAnchors? learned = null;   // the partial set's learned anchors, when its final pass ran
            if (!clearlyComplete)
            {
                var partial = _untranslated.Finish(document, keys, first, kept, out learned, progress, cancellationToken);
                double share = UntranslatedPassages.BlockShare(partial.Result, document.JaLengths, document.EnLengths);
                if (share >= Options.Parameters.Untranslated!.MinBlockShare)
                    return (partial, _untranslated.Options.Parameters);
            }
            // Complete: the final pass of these parameters starts from the partial set's first pass and uses the
            // translations learned from it (learned here when the partial set's final pass was skipped; measured: the same
            // accuracy on kyoto-wiki and the Bible, 2 links better on the cable, 3 worse on kyoto-wiki dev given raw; a
            // fifth less time than a first pass and model of its own).
            if (Options.Anchors.SecondPass)
                return (Finish(document, keys, first, learned, out _, progress, cancellationToken), Options.Parameters);
            // Without the second pass these parameters make a first pass of their own.
            first = _firstPass.Align(document.JaLengths, document.EnLengths, kept!.Japanese, kept.English, null, progress, cancellationToken);
        }
        return (Finish(document, keys, first, kept, out _, progress, cancellationToken), Options.Parameters);
    }

    /// <summary>
    /// The anchors packed and the first pass run with <see cref="FirstPassAligner"/>; the anchors are kept
    /// (<paramref name="kept"/>) only without the second pass, whose learned anchors replace them.
    /// </summary>
    /// <remarks>
    /// A method of its own so that the anchors go with its frame: held in the caller's, they stayed live to the end
    /// (measured, the 100 MB raw pair with anchors on: 0.6 of 2.1 GB live during the final pass).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private AlignmentResult FirstPass(int[] jaLengths, int[] enLengths, DocumentKeys keys, double[]? jaOneSided,
        double[]? enOneSided, IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken, out PassAnchors? kept)
    {
        var (ja, en) = AnchorExtractor.PackBoth(keys.Japanese, jaOneSided, enOneSided);
        kept = Options.Anchors.SecondPass ? null : new PassAnchors(ja, en);
        return FirstPassAligner.Align(jaLengths, enLengths, ja, en, null, progress, cancellationToken);
    }

    /// <summary>
    /// From the first pass on: the learned second pass, the deletion shares, and each link's coverage. The passes use
    /// <paramref name="given"/> (without the second pass, the first pass's anchors; with it, anchors already learned from
    /// the same first pass), else anchors learned from <paramref name="first"/>; <paramref name="learned"/> is the second
    /// pass's anchors, null without a second pass. Learning them disposes <paramref name="keys"/>: no pass packs anchors after.
    /// </summary>
    private AlignmentEvidence Finish(PreparedDocument document, DocumentKeys keys,
        AlignmentResult first, PassAnchors? given, out PassAnchors? learned, IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken)
    {
        var result = first;
        learned = null;
        AnchorIndex? index = null;
        SentenceAnchors[] jaAnchors, enAnchors;
        if (given != null) (jaAnchors, enAnchors, index) = (given.Japanese, given.English, given.Index);
        else
        {
            (jaAnchors, enAnchors) = LearnedSecondPass.Anchors(result, keys, document.JapaneseOneSided, document.EnglishOneSided, _translations, cancellationToken);
            // No anchors are packed after these: the numbers go before the searches that use them.
            keys.Dispose();
        }
        // The final searches share one index of these anchors (its skeleton above all), as does the enclosing set's
        // final pass when these are its learned anchors.
        AnchorIndex Index() => index ??= AnchorIndex.Create(jaAnchors, enAnchors, cancellationToken);
        if (Options.Parameters.DeletionRates is { Count: > 0 } rates && _core.UnmatchedItemCost > 0)
        {
            // The share of untranslated text is the document's own: align with some candidate shares and keep the
            // alignment of highest likelihood (lowest total cost), as c is estimated per document. The cost falls and
            // then rises with the share, so the search starts at the candidate nearest the first pass's own share of
            // sentences without counterpart and walks the way the cost falls, stopping where it rises.
            double[] ordered = [.. rates.Order()];
            var costs = new double[ordered.Length];
            var results = new AlignmentResult?[ordered.Length];
            int start = Nearest(ordered, OneSidedShare(first));
            int best = start;
            var shared = Index();
            // The first step needs the start and both its neighbours: they are aligned side by side, each search on
            // one thread (the neighbours without progress reports, which number one search after another).
            Parallel.For(Math.Max(0, start - 1), Math.Min(ordered.Length, start + 2), new ParallelOptions { CancellationToken = cancellationToken },
                k => Align(k, k == start ? progress : null));
            int step = best + 1 < ordered.Length && Cost(best + 1) < costs[best] ? 1 : best > 0 && Cost(best - 1) < costs[best] ? -1 : 0;
            if (step != 0)
                for (best += step; best + step >= 0 && best + step < ordered.Length && Cost(best + step) < costs[best];) best += step;
            result = results[best]!;

            double Cost(int k)
            {
                if (results[k] == null) Align(k, progress);
                return costs[k];
            }

            void Align(int k, IProgress<AlignmentProgress>? reports)
            {
                var aligner = new GaleChurchAligner(_core with { Beads = WithDeletionRate(_core.Beads, ordered[k]) });
                var candidate = aligner.Align(document.JaLengths, document.EnLengths, shared, first, reports, cancellationToken);
                double total = 0;
                foreach (var l in candidate.Links) total += l.Cost;
                (results[k], costs[k]) = (candidate, total);
            }
        }
        else if (Options.Anchors.SecondPass)
        {
            // The final pass with the bead priors made the document's own (measured: the cable's last error and more
            // than half the Bible's lax errors go). The deletion shares above keep the fitted ones: adapting there
            // cost pydocs-dev para links.
            // The threshold that chooses the partial set (a fitted file without one: the built-in set's).
            double minBlockShare = (Options.Parameters.Untranslated ?? AlignmentParameters.Default.Untranslated!).MinBlockShare;
            var beads = DocumentBeadPriors.For(_core.Beads, first, document.JaLengths, document.EnLengths, minBlockShare);
            var aligner = ReferenceEquals(beads, _core.Beads) ? _aligner : new GaleChurchAligner(_core with { Beads = beads });
            result = aligner.Align(document.JaLengths, document.EnLengths, Index(), first, progress, cancellationToken);
        }
        if (Options.Anchors.SecondPass) learned = new PassAnchors(jaAnchors, enAnchors, index);
        var coverage = new AnchorCoverage[result.Links.Count];
        for (int k = 0; k < coverage.Length; k++)
            coverage[k] = SentenceAnchors.Coverage(jaAnchors, enAnchors, result.Links[k]);
        return new AlignmentEvidence(result, coverage);
    }

    /// <summary>The share of the sentences, both sides counted, in links with an empty side.</summary>
    private static double OneSidedShare(AlignmentResult result)
    {
        long oneSided = 0;
        foreach (var l in result.Links)
            if (l.SourceCount == 0 || l.TargetCount == 0) oneSided += l.SourceCount + l.TargetCount;
        long total = (long)result.SourceCount + result.TargetCount;
        return total == 0 ? 0 : (double)oneSided / total;
    }

    /// <summary>The index of the candidate nearest <paramref name="share"/> on a log scale (the candidates span orders of magnitude).</summary>
    private static int Nearest(double[] candidates, double share)
    {
        if (share <= 0) return 0;
        int best = 0;
        for (int k = 1; k < candidates.Length; k++)
            if (Math.Abs(Math.Log(candidates[k] / share)) < Math.Abs(Math.Log(candidates[best] / share))) best = k;
        return best;
    }

    /// <summary>The beads with deletions (1-0 and 0-1) rescaled to share <paramref name="rate"/> of the prior, the others the rest.</summary>
    internal static Bead[] WithDeletionRate(IReadOnlyList<Bead> beads, double rate)
    {
        double deletions = 0, total = 0;
        foreach (var b in beads)
        {
            total += b.Probability;
            if (b.SourceCount == 0 || b.TargetCount == 0) deletions += b.Probability;
        }
        var scaled = new Bead[beads.Count];
        for (int k = 0; k < scaled.Length; k++)
        {
            var b = beads[k];
            bool deletion = b.SourceCount == 0 || b.TargetCount == 0;
            scaled[k] = b with { Probability = deletion ? b.Probability / deletions * rate : b.Probability / (total - deletions) * (1 - rate) };
        }
        return scaled;
    }

    /// <summary>
    /// Learns word translation probabilities once from a batch of segmented document pairs: each is aligned with
    /// lengths and anchors, and the confident 1-1 links of all of them train one <see cref="TranslationModel"/>.
    /// </summary>
    public TranslationModel LearnTranslations(IEnumerable<(IReadOnlyList<string> Japanese, IReadOnlyList<string> English)> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var anchors = _anchors ?? new AnchorExtractor(AnchorOptions.Default, _analyzer, null);
        var anchorOptions = _anchors != null ? Options.Anchors : AnchorOptions.Default;
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var (japanese, english) in documents)
        {
            var jaLengths = SentenceLengths.MeasureJapanese(japanese, Options.Parameters.Length, _analyzer);
            var enLengths = SentenceLengths.MeasureEnglish(english, Options.Parameters.Length);
            pairs.AddRange(ConfidentFirstPassPairs(jaLengths, enLengths, [.. japanese.Select(s => anchors.Japanese(s))], [.. english.Select(s => anchors.English(s))],
                anchorOptions.OneSidedEvidence(japanese, true), anchorOptions.OneSidedEvidence(english, false), cancellationToken));
        }
        return TranslationModel.Learn(pairs, cancellationToken);
    }

    /// <summary>
    /// What one segmented document contributes to a corpus-level <see cref="TranslationModel"/>: the confident 1-1 links
    /// of its alignment with lengths and anchors, as word bags. Merge the statistics of a whole batch
    /// (<see cref="TranslationStatistics.Merge"/>) and give <see cref="TranslationStatistics.Model"/> to the aligner.
    /// </summary>
    public TranslationStatistics CollectTranslations(IReadOnlyList<string> japanese, IReadOnlyList<string> english, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        ArgumentNullException.ThrowIfNull(english);
        return TranslationStatistics.FromPairs(FirstPassPairs(japanese, english, cancellationToken), settings: TranslationSettings);
    }

    /// <summary>As <see cref="CollectTranslations(IReadOnlyList{string}, IReadOnlyList{string}, CancellationToken)"/> for two raw documents, segmented as <see cref="Align(string, string, CancellationToken)"/> does.</summary>
    public TranslationStatistics CollectTranslations(string japanese, string english, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        ArgumentNullException.ThrowIfNull(english);
        var ja = _segmenter.SegmentJapanese(japanese, cancellationToken).SentenceTexts;
        var en = _segmenter.SegmentEnglish(english, cancellationToken).SentenceTexts;
        return TranslationStatistics.FromPairs(FirstPassPairs(ja, en, cancellationToken), settings: TranslationSettings);
    }

    /// <summary>As <see cref="CollectTranslations(string, string, CancellationToken)"/> for one bilingual document, segmented as <see cref="AlignBilingual(string, CancellationToken)"/> does (each of its own pairs on its own).</summary>
    public TranslationStatistics CollectTranslationsBilingual(string document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var doc = _segmenter.SegmentBilingual(document, cancellationToken);
        var ja = doc.Japanese.SentenceTexts.ToArray();
        var en = doc.English.SentenceTexts.ToArray();
        if (doc.Pairings.Count == 0) return TranslationStatistics.FromPairs(FirstPassPairs(ja, en, cancellationToken), settings: TranslationSettings);
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var p in doc.Pairings)
            pairs.AddRange(FirstPassPairs(ja[p.JapaneseStart..(p.JapaneseStart + p.JapaneseCount)], en[p.EnglishStart..(p.EnglishStart + p.EnglishCount)], cancellationToken));
        return TranslationStatistics.FromPairs(pairs, settings: TranslationSettings);
    }

    /// <summary>The pairs the per-document second pass would learn from: the same first pass, the same selection.</summary>
    private List<(IReadOnlyList<string>, IReadOnlyList<string>)> FirstPassPairs(IReadOnlyList<string> japanese, IReadOnlyList<string> english, CancellationToken ct)
    {
        var prepared = Prepare(japanese, english, ct);
        if (prepared.JapaneseItems is not { } jaItems || prepared.EnglishItems is not { } enItems) return [];
        return ConfidentFirstPassPairs(prepared.JaLengths, prepared.EnLengths, jaItems, enItems, prepared.JapaneseOneSided, prepared.EnglishOneSided, ct);
    }

    /// <summary>The confident 1-1 links of the first pass with these lengths and anchor items, as word lists.</summary>
    private List<(IReadOnlyList<string>, IReadOnlyList<string>)> ConfidentFirstPassPairs(int[] jaLengths, int[] enLengths,
        AnchorItem[][] jaItems, AnchorItem[][] enItems, double[]? jaOneSided, double[]? enOneSided, CancellationToken ct)
    {
        using var keys = new DocumentKeys(jaItems, enItems);
        var result = FirstPass(jaLengths, enLengths, keys, jaOneSided, enOneSided, null, ct, out _);
        return LearnedSecondPass.ConfidentPairs(result, jaItems, enItems);
    }

    /// <summary>Sentences per work item of <see cref="Extract"/>: large enough that scheduling is noise, small enough to balance two sides of unequal cost.</summary>
    private const int ExtractChunk = 256;

    /// <summary>
    /// The anchor items of every sentence, or none when their projected memory (<see cref="AnchorMemory"/>) is above
    /// <see cref="AnchorOptions.MemoryLimit"/>. A sample spread evenly over each side is extracted first and the
    /// projection made from it; the rest only when it fits, so the sample's work is kept, not repeated.
    /// </summary>
    private (AnchorItem[][]? Japanese, AnchorItem[][]? English, long Projected) Extract(IReadOnlyList<string> japanese, IReadOnlyList<string> english, CancellationToken ct)
    {
        var ja = new AnchorItem[japanese.Count][];
        var en = new AnchorItem[english.Count][];
        int jaStride = AnchorMemory.Stride(ja.Length), enStride = AnchorMemory.Stride(en.Length);
        var words = new WordPool();
        ExtractSome(sample: true);
        long projected = AnchorMemory.Project(ja, jaStride, en, enStride);
        if (projected > Options.Anchors.MemoryLimit) return (null, null, projected);
        if (jaStride > 1 || enStride > 1) ExtractSome(sample: false);
        return (ja, en, projected);

        // The sample (one sentence in each stretch of a side's stride) or the rest.
        void ExtractSome(bool sample)
        {
            int jaCount = sample ? AnchorMemory.SampleCount(ja.Length, jaStride) : ja.Length, enCount = sample ? AnchorMemory.SampleCount(en.Length, enStride) : en.Length;
            int jaChunks = (jaCount + ExtractChunk - 1) / ExtractChunk, chunks = jaChunks + (enCount + ExtractChunk - 1) / ExtractChunk;
            // Sentences are analysed independently (the extractor is thread-safe), so a large document uses every core;
            // each sentence's items are the same whichever thread computes them.
            if (chunks <= 1) Run(0);
            else Parallel.For(0, chunks, new ParallelOptions { CancellationToken = ct }, Run);

            void Run(int chunk)
            {
                ct.ThrowIfCancellationRequested();
                bool japaneseSide = chunk < jaChunks;
                int start = (japaneseSide ? chunk : chunk - jaChunks) * ExtractChunk, end = Math.Min(japaneseSide ? jaCount : enCount, start + ExtractChunk);
                int stride = japaneseSide ? jaStride : enStride, count = japaneseSide ? ja.Length : en.Length;
                for (int k = start; k < end; k++)
                {
                    int i = sample ? AnchorMemory.Sampled(k, stride, count) : k;
                    if (japaneseSide) ja[i] ??= _anchors!.Japanese(japanese[i], words);   // the rest: the sample's are there
                    else en[i] ??= _anchors!.English(english[i], words);
                }
            }
        }
    }

    /// <summary>The anchors of a pass (the first pass's, or with the learned translations), and their index when a search built one.</summary>
    private sealed record PassAnchors(SentenceAnchors[] Japanese, SentenceAnchors[] English, AnchorIndex? Index = null);
}
