using Taiyaku.Alignment;
using Taiyaku.Features;
using Taiyaku.Japanese;
using Taiyaku.Text;

namespace Taiyaku.Pipeline;

/// <summary>Settings of <see cref="DocumentAligner"/>, each with a documented default.</summary>
public sealed record DocumentAlignerOptions
{
    /// <summary>The defaults.</summary>
    public static DocumentAlignerOptions Default { get; } = new();

    /// <summary>
    /// How sentence lengths are counted. Default: <see cref="AlignmentParameters.Default"/>'s,
    /// <see cref="LengthMeasure.Utf8Bytes"/> (fitted and checked with each measure, bytes were best or within two links
    /// of the best everywhere; see the README).
    /// </summary>
    public LengthMeasure Length { get; init; } = AlignmentParameters.Default.Length;

    /// <summary>
    /// The length model, bead priors, anchor weight λ and search. Default: <see cref="AlignmentParameters.Default"/>'s
    /// fitted values with <see cref="GaleChurchOptions.Default"/>'s search settings.
    /// </summary>
    public GaleChurchOptions Alignment { get; init; } = AlignmentParameters.Default.ToGaleChurchOptions();

    /// <summary>Sentence segmentation and page-furniture detection. Default <see cref="SegmenterOptions.Default"/>.</summary>
    public SegmenterOptions Segmentation { get; init; } = SegmenterOptions.Default;

    /// <summary>Lexical anchors and the learned second pass. Default <see cref="AnchorOptions.Default"/> (all on).</summary>
    public AnchorOptions Anchors { get; init; } = AnchorOptions.Default;

    /// <summary>
    /// Candidate shares of sentences without counterpart (1-0 and 0-1 beads together, each in (0, 1)), used when
    /// <see cref="GaleChurchOptions.UnmatchedItemCost"/> is above 0: the final pass aligns with the bead priors rescaled
    /// to each share and keeps the most likely alignment (lowest total cost), so that the share of untranslated text is
    /// the document's own, as c is. Default: none (the fitted priors), as in <see cref="AlignmentParameters.Default"/>;
    /// <see cref="AlignmentParameters.PartialTranslations"/> sets 0.001, 0.01, 0.05, 0.15 and 0.3 (five final passes).
    /// </summary>
    public IReadOnlyList<double> DeletionRates { get; init; } = [];

    /// <summary>How link scores are computed; null for no scores. Default: <see cref="AlignmentParameters.Default"/>'s.</summary>
    public ConfidenceModel? Confidence { get; init; } = AlignmentParameters.Default.Confidence;
}

/// <summary>One link between Japanese and English sentences, with their text and where they stand in the originals.</summary>
/// <param name="JapaneseIndex">Index of the first Japanese sentence of the link.</param>
/// <param name="Japanese">The Japanese sentences (none for an English sentence without counterpart).</param>
/// <param name="EnglishIndex">Index of the first English sentence.</param>
/// <param name="English">The English sentences (none for a Japanese sentence without counterpart).</param>
/// <param name="Cost">The link's cost under the model (lower is better).</param>
/// <param name="Score">Calibrated probability that the link is right; NaN when scores are off.</param>
public sealed record AlignedPair(int JapaneseIndex, IReadOnlyList<Segment> Japanese, int EnglishIndex, IReadOnlyList<Segment> English, double Cost, double Score)
{
    /// <summary>The Japanese sentences joined (Japanese needs no space between sentences).</summary>
    public string JapaneseText => string.Concat(Japanese.Select(s => s.Text));

    /// <summary>The English sentences joined with a space.</summary>
    public string EnglishText => string.Join(" ", English.Select(s => s.Text));
}

/// <summary>The aligned sentences of a document pair, and what was set apart (page furniture, metadata).</summary>
public sealed class DocumentAlignment
{
    internal DocumentAlignment(SegmentedText japanese, SegmentedText english, IReadOnlyList<Segment> metadata, AlignmentResult result)
    {
        Japanese = japanese;
        English = english;
        Metadata = metadata;
        Result = result;
        Pairs = result.Links.Select(l => new AlignedPair(
            l.SourceStart, Slice(japanese.Sentences, l.SourceStart, l.SourceCount),
            l.TargetStart, Slice(english.Sentences, l.TargetStart, l.TargetCount), l.Cost, l.Score)).ToArray();
        Unaligned = japanese.Segments.Concat(english.Segments).Where(s => s.Kind != SegmentKind.Sentence).Concat(metadata).ToArray();
    }

    private static Segment[] Slice(IReadOnlyList<Segment> list, int start, int count) =>
        Enumerable.Range(start, count).Select(i => list[i]).ToArray();

    /// <summary>The Japanese text's segments; ranges point into <see cref="SegmentedText.Source"/>.</summary>
    public SegmentedText Japanese { get; }

    /// <summary>The English text's segments; ranges point into <see cref="SegmentedText.Source"/>.</summary>
    public SegmentedText English { get; }

    /// <summary>Metadata set apart from a bilingual document (empty for two separate texts).</summary>
    public IReadOnlyList<Segment> Metadata { get; }

    /// <summary>The links by sentence index (indices into <see cref="SegmentedText.Sentences"/> of each side).</summary>
    public AlignmentResult Result { get; }

    /// <summary>The links with their sentences, in document order. Every sentence of both sides is in exactly one.</summary>
    public IReadOnlyList<AlignedPair> Pairs { get; }

    /// <summary>Page furniture and metadata: never aligned, never dropped.</summary>
    public IReadOnlyList<Segment> Unaligned { get; }

    /// <summary>How a bilingual document laid out its languages (see <see cref="DocumentAligner.AlignBilingual(string, CancellationToken)"/>); null for two texts.</summary>
    public BilingualLayout? BilingualLayout { get; internal init; }

    /// <summary>The pairs a bilingual document made itself (lines, records, paragraphs), kept: no link crosses one. Empty otherwise.</summary>
    public IReadOnlyList<SentencePairing> Pairings { get; internal init; } = [];
}

/// <summary>
/// Aligns raw Japanese and English documents sentence by sentence: segmentation (with page furniture set apart),
/// sentence lengths and lexical anchors, then the aligner, optionally a learned second pass, and a confidence score per
/// link. Immutable and thread-safe; build once and share.
/// </summary>
public sealed class DocumentAligner
{
    private readonly SentenceSegmenter _segmenter;
    private readonly GaleChurchAligner _aligner;
    private readonly MorphologicalAnalyzer? _analyzer;
    private readonly AnchorExtractor? _anchors;
    private readonly TranslationModel? _translations;

    /// <summary>Creates an aligner.</summary>
    /// <param name="options">Settings; <see cref="DocumentAlignerOptions.Default"/> when null.</param>
    /// <param name="analyzer">The Japanese analyzer: needed for <see cref="LengthMeasure.Tokens"/>; with anchors it gives
    /// base forms for the lexicon and readings of names (without it, anchors use katakana and Latin runs only).</param>
    /// <param name="lexicon">A Japanese-English lexicon for dictionary anchors (e.g. EDICT), or null.</param>
    /// <param name="translations">Translation probabilities learned once from a batch (see <see cref="LearnTranslations"/>);
    /// when given, the second pass uses them instead of learning from each document alone.</param>
    public DocumentAligner(DocumentAlignerOptions? options = null, MorphologicalAnalyzer? analyzer = null,
        IBilingualLexicon? lexicon = null, TranslationModel? translations = null)
    {
        Options = options ?? DocumentAlignerOptions.Default;
        if (Options.Length == LengthMeasure.Tokens && analyzer == null)
            throw new ArgumentNullException(nameof(analyzer), "Token lengths need a Japanese analyzer.");
        if (Options.DeletionRates is null || Options.DeletionRates.Any(r => !(r > 0 && r < 1)))
            throw new ArgumentOutOfRangeException(nameof(options), "DeletionRates must not be null, and every rate must be in (0, 1).");
        _segmenter = new SentenceSegmenter(Options.Segmentation);
        _aligner = new GaleChurchAligner(Options.Alignment);
        _analyzer = analyzer;
        _translations = translations;
        _lexicon = lexicon;
        if (Options.Anchors.Any)
            _anchors = new AnchorExtractor(Options.Anchors, analyzer, lexicon);
    }

    /// <summary>The settings in use.</summary>
    public DocumentAlignerOptions Options { get; }

    private readonly IBilingualLexicon? _lexicon;

    /// <summary>An aligner with other options and the same analyzer, lexicon and translations.</summary>
    internal DocumentAligner WithOptions(DocumentAlignerOptions options) => new(options, _analyzer, _lexicon, _translations);

    /// <summary>Aligns a Japanese text with its English translation, both raw (paragraphs, wrapped lines, page stamps).</summary>
    public DocumentAlignment Align(string japanese, string english, CancellationToken cancellationToken = default) =>
        Align(japanese, english, null, cancellationToken);

    /// <summary>As <see cref="Align(string, string, CancellationToken)"/>, reporting the alignment's progress.</summary>
    /// <param name="japanese">The Japanese text, raw.</param>
    /// <param name="english">The English text, raw.</param>
    /// <param name="progress">Told how far each search of the aligner has come (see <see cref="AlignmentProgress"/>;
    /// the searches of all passes are numbered in one sequence), on the aligning thread; null for no reports.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public DocumentAlignment Align(string japanese, string english, IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        ArgumentNullException.ThrowIfNull(english);
        var ja = _segmenter.SegmentJapanese(japanese, cancellationToken);
        var en = _segmenter.SegmentEnglish(english, cancellationToken);
        return new DocumentAlignment(ja, en, [], AlignSegments(ja, en, SearchNumbering.For(progress), cancellationToken));
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
    /// the searches of all passes are numbered in one sequence), on the aligning thread; null for no reports.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public DocumentAlignment AlignBilingual(string document, IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var doc = _segmenter.SegmentBilingual(document, cancellationToken);
        var result = doc.Pairings.Count == 0 ? AlignSegments(doc.Japanese, doc.English, SearchNumbering.For(progress), cancellationToken) : AlignPairings(doc, progress, cancellationToken);
        return new DocumentAlignment(doc.Japanese, doc.English, doc.Metadata, result) { BilingualLayout = doc.Layout, Pairings = doc.Pairings };
    }

    /// <summary>Aligns the sentences of each of the document's own pairs on their own; the links never cross a pair.</summary>
    private AlignmentResult AlignPairings(BilingualText doc, IProgress<AlignmentProgress>? progress, CancellationToken ct)
    {
        var ja = doc.Japanese.Sentences.Select(s => s.Text).ToArray();
        var en = doc.English.Sentences.Select(s => s.Text).ToArray();
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
            var part = AlignSentences(ja[p.JapaneseStart..(p.JapaneseStart + p.JapaneseCount)], en[p.EnglishStart..(p.EnglishStart + p.EnglishCount)], null, ct);
            foreach (var l in part.Links)
                links.Add(l with { SourceStart = l.SourceStart + p.JapaneseStart, TargetStart = l.TargetStart + p.EnglishStart });
        }
        progress?.Report(new AlignmentProgress(1, ja.Length, ja.Length));
        return new AlignmentResult(links, ja.Length, en.Length);
    }

    /// <summary>
    /// Aligns sentences that are already segmented (one string per sentence). Each link carries its cost and, when
    /// <see cref="DocumentAlignerOptions.Confidence"/> is set, a calibrated <see cref="Link.Score"/>.
    /// </summary>
    public AlignmentResult AlignSentences(IReadOnlyList<string> japanese, IReadOnlyList<string> english, CancellationToken cancellationToken = default) =>
        Align(Prepare(japanese, english, cancellationToken), null, cancellationToken);

    /// <summary>As <see cref="AlignSentences(IReadOnlyList{string}, IReadOnlyList{string}, CancellationToken)"/>, reporting the alignment's progress.</summary>
    /// <param name="japanese">The Japanese sentences.</param>
    /// <param name="english">The English sentences.</param>
    /// <param name="progress">Told how far each search of the aligner has come (see <see cref="AlignmentProgress"/>;
    /// the searches of all passes are numbered in one sequence), on the aligning thread; null for no reports.</param>
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
        var jaLengths = SentenceLengths.Measure(japanese, Options.Length, japanese: true, _analyzer);
        var enLengths = SentenceLengths.Measure(english, Options.Length, japanese: false, _analyzer);
        if (!UsesAnchors(japanese.Count, english.Count))
            return new PreparedDocument(Options.Length, Options.Anchors, jaLengths, enLengths, null, null);
        var (jaItems, enItems) = Extract(japanese, english, cancellationToken);
        return new PreparedDocument(Options.Length, Options.Anchors, jaLengths, enLengths, jaItems, enItems);
    }

    /// <summary>
    /// Whether a document of this size is aligned with anchors: they are on and neither side has more than
    /// <see cref="AnchorOptions.MaxSentences"/> sentences (beyond that, lengths alone keep memory bounded).
    /// </summary>
    public bool UsesAnchors(int japaneseSentences, int englishSentences) =>
        _anchors != null && japaneseSentences <= Options.Anchors.MaxSentences && englishSentences <= Options.Anchors.MaxSentences;

    /// <summary>Aligns a document prepared by an aligner with the same <see cref="DocumentAlignerOptions.Length"/> and <see cref="DocumentAlignerOptions.Anchors"/>.</summary>
    /// <exception cref="ArgumentException">The document was prepared with other length or anchor settings.</exception>
    public AlignmentResult Align(PreparedDocument document, CancellationToken cancellationToken = default) =>
        Align(document, null, cancellationToken);

    /// <summary>As <see cref="Align(PreparedDocument, CancellationToken)"/>, reporting the alignment's progress.</summary>
    /// <param name="document">A document prepared with the same length and anchor settings.</param>
    /// <param name="progress">Told how far each search of the aligner has come (see <see cref="AlignmentProgress"/>;
    /// the searches of all passes are numbered in one sequence), on the aligning thread; null for no reports.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <exception cref="ArgumentException">The document was prepared with other length or anchor settings.</exception>
    public AlignmentResult Align(PreparedDocument document, IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken = default)
    {
        var (result, coverage) = AlignWithCoverage(document, cancellationToken, SearchNumbering.For(progress));
        if (Options.Confidence is not { } model) return result;
        var links = new Link[result.Links.Count];
        for (int k = 0; k < links.Length; k++)
            links[k] = result.Links[k] with { Score = model.Score(result.Links[k], coverage?[k] ?? default) };
        return new AlignmentResult(links, result.SourceCount, result.TargetCount);
    }

    /// <summary>The alignment and, with anchors, each link's anchor coverage (the confidence model's input).</summary>
    internal (AlignmentResult Result, AnchorCoverage[]? Coverage) AlignWithCoverage(PreparedDocument document, CancellationToken cancellationToken, IProgress<AlignmentProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Length != Options.Length || document.Anchors != Options.Anchors)
            throw new ArgumentException("The document was prepared with other length or anchor settings.", nameof(document));
        if (document.JapaneseItems is not { } jaItems || document.EnglishItems is not { } enItems)
            return (_aligner.Align(document.JapaneseLengths, document.EnglishLengths, progress, cancellationToken), null);

        var jaAnchors = AnchorExtractor.Pack(jaItems, enItems);
        var enAnchors = AnchorExtractor.Pack(enItems, jaItems);
        var result = _aligner.Align(document.JapaneseLengths, document.EnglishLengths, jaAnchors, enAnchors, null, progress, cancellationToken);
        if (Options.Anchors.SecondPass)
        {
            var model = _translations ?? TranslationModel.Learn(ConfidentPairs(result, jaItems, enItems), cancellationToken);
            Func<AnchorItem, IEnumerable<ulong>> learned = item => LearnedKeys(model, item);
            jaAnchors = AnchorExtractor.Pack(jaItems, enItems, sideExtra: learned);
            enAnchors = AnchorExtractor.Pack(enItems, jaItems, otherExtra: learned);
        }
        var first = result;
        if (Options.DeletionRates is { Count: > 0 } rates && Options.Alignment.UnmatchedItemCost > 0)
        {
            // The share of untranslated text is the document's own: align with each candidate share and keep the
            // alignment of highest likelihood (lowest total cost), as c is estimated per document. The cost falls and
            // then rises with the share, so the search stops at the first share that does worse than the one before.
            double bestCost = double.PositiveInfinity;
            foreach (double rate in rates.Order())
            {
                var aligner = new GaleChurchAligner(Options.Alignment with { Beads = WithDeletionRate(Options.Alignment.Beads, rate) });
                var candidate = aligner.Align(document.JapaneseLengths, document.EnglishLengths, jaAnchors, enAnchors, first, progress, cancellationToken);
                double total = 0;
                foreach (var l in candidate.Links) total += l.Cost;
                if (total >= bestCost) break;
                bestCost = total;
                result = candidate;
            }
        }
        else if (Options.Anchors.SecondPass)
        {
            result = _aligner.Align(document.JapaneseLengths, document.EnglishLengths, jaAnchors, enAnchors, first, progress, cancellationToken);
        }
        var coverage = new AnchorCoverage[result.Links.Count];
        for (int k = 0; k < coverage.Length; k++)
            coverage[k] = SentenceAnchors.Coverage(jaAnchors, enAnchors, result.Links[k]);
        return (result, coverage);
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
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var (japanese, english) in documents)
        {
            var jaLengths = SentenceLengths.Measure(japanese, Options.Length, japanese: true, _analyzer);
            var enLengths = SentenceLengths.Measure(english, Options.Length, japanese: false, _analyzer);
            var jaItems = japanese.Select(anchors.Japanese).ToArray();
            var enItems = english.Select(anchors.English).ToArray();
            var result = _aligner.Align(jaLengths, enLengths, AnchorExtractor.Pack(jaItems, enItems), AnchorExtractor.Pack(enItems, jaItems), cancellationToken);
            pairs.AddRange(ConfidentPairs(result, jaItems, enItems));
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
        return TranslationStatistics.FromPairs(FirstPassPairs(japanese, english, cancellationToken));
    }

    /// <summary>As <see cref="CollectTranslations(IReadOnlyList{string}, IReadOnlyList{string}, CancellationToken)"/> for two raw documents, segmented as <see cref="Align(string, string, CancellationToken)"/> does.</summary>
    public TranslationStatistics CollectTranslations(string japanese, string english, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        ArgumentNullException.ThrowIfNull(english);
        var ja = _segmenter.SegmentJapanese(japanese, cancellationToken).Sentences.Select(s => s.Text).ToArray();
        var en = _segmenter.SegmentEnglish(english, cancellationToken).Sentences.Select(s => s.Text).ToArray();
        return TranslationStatistics.FromPairs(FirstPassPairs(ja, en, cancellationToken));
    }

    /// <summary>As <see cref="CollectTranslations(string, string, CancellationToken)"/> for one bilingual document, segmented as <see cref="AlignBilingual(string, CancellationToken)"/> does (each of its own pairs on its own).</summary>
    public TranslationStatistics CollectTranslationsBilingual(string document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var doc = _segmenter.SegmentBilingual(document, cancellationToken);
        var ja = doc.Japanese.Sentences.Select(s => s.Text).ToArray();
        var en = doc.English.Sentences.Select(s => s.Text).ToArray();
        if (doc.Pairings.Count == 0) return TranslationStatistics.FromPairs(FirstPassPairs(ja, en, cancellationToken));
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var p in doc.Pairings)
            pairs.AddRange(FirstPassPairs(ja[p.JapaneseStart..(p.JapaneseStart + p.JapaneseCount)], en[p.EnglishStart..(p.EnglishStart + p.EnglishCount)], cancellationToken));
        return TranslationStatistics.FromPairs(pairs);
    }

    /// <summary>The pairs the per-document second pass would learn from: the same first pass, the same selection.</summary>
    private List<(IReadOnlyList<string>, IReadOnlyList<string>)> FirstPassPairs(IReadOnlyList<string> japanese, IReadOnlyList<string> english, CancellationToken ct)
    {
        var prepared = Prepare(japanese, english, ct);
        if (prepared.JapaneseItems is not { } jaItems || prepared.EnglishItems is not { } enItems) return [];
        var result = _aligner.Align(prepared.JapaneseLengths, prepared.EnglishLengths, AnchorExtractor.Pack(jaItems, enItems), AnchorExtractor.Pack(enItems, jaItems), ct);
        return ConfidentPairs(result, jaItems, enItems);
    }

    private (List<AnchorItem>[] Japanese, List<AnchorItem>[] English) Extract(IReadOnlyList<string> japanese, IReadOnlyList<string> english, CancellationToken ct)
    {
        var ja = new List<AnchorItem>[japanese.Count];
        var en = new List<AnchorItem>[english.Count];
        for (int i = 0; i < ja.Length; i++)
        {
            if (i % 1024 == 0) ct.ThrowIfCancellationRequested();
            ja[i] = _anchors!.Japanese(japanese[i]);
        }
        for (int j = 0; j < en.Length; j++)
        {
            if (j % 1024 == 0) ct.ThrowIfCancellationRequested();
            en[j] = _anchors!.English(english[j]);
        }
        return (ja, en);
    }

    /// <summary>The 1-1 links in the cheaper two thirds (by cost), as word lists for the translation model.</summary>
    private static List<(IReadOnlyList<string>, IReadOnlyList<string>)> ConfidentPairs(AlignmentResult result, List<AnchorItem>[] ja, List<AnchorItem>[] en)
    {
        var ones = result.Links.Where(l => l.SourceCount == 1 && l.TargetCount == 1).OrderBy(l => l.Cost).ToList();
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var l in ones.Take((ones.Count * 2 + 2) / 3))
        {
            pairs.Add((Words(ja[l.SourceStart]), Words(en[l.TargetStart])));
        }
        return pairs;

        static string[] Words(List<AnchorItem> items) => items.Where(x => x.Word != null).Select(x => x.Word!).ToArray();
    }

    private static IEnumerable<ulong> LearnedKeys(TranslationModel model, AnchorItem item)
    {
        if (item.Word != null && model.TryGetTranslations(item.Word, out var english))
            foreach (var e in english) yield return AnchorExtractor.WordKey(e);
    }

    private AlignmentResult AlignSegments(SegmentedText ja, SegmentedText en, IProgress<AlignmentProgress>? progress, CancellationToken ct) =>
        AlignSentences(ja.Sentences.Select(s => s.Text).ToArray(), en.Sentences.Select(s => s.Text).ToArray(), progress, ct);
}

/// <summary>Segmented sentences measured and analysed once (see <see cref="DocumentAligner.Prepare"/>). Immutable.</summary>
public sealed class PreparedDocument
{
    internal PreparedDocument(LengthMeasure length, AnchorOptions anchors, int[] jaLengths, int[] enLengths,
        List<AnchorItem>[]? jaItems, List<AnchorItem>[]? enItems)
    {
        Length = length;
        Anchors = anchors;
        JapaneseLengths = jaLengths;
        EnglishLengths = enLengths;
        JapaneseItems = jaItems;
        EnglishItems = enItems;
    }

    internal LengthMeasure Length { get; }
    internal AnchorOptions Anchors { get; }
    internal int[] JapaneseLengths { get; }
    internal int[] EnglishLengths { get; }
    internal List<AnchorItem>[]? JapaneseItems { get; }
    internal List<AnchorItem>[]? EnglishItems { get; }

    /// <summary>Number of Japanese sentences.</summary>
    public int JapaneseCount => JapaneseLengths.Length;

    /// <summary>Number of English sentences.</summary>
    public int EnglishCount => EnglishLengths.Length;
}
