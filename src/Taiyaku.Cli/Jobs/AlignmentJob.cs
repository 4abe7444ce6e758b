using Taiyaku.Alignment;
using Taiyaku.Formats;
using Taiyaku.Pipeline;
using Taiyaku.Text;

namespace Taiyaku.Cli.Jobs;

/// <summary>What a job aligns: two files, two texts given inline, or one file holding both languages.</summary>
internal abstract record JobInput
{
    /// <summary>A Japanese file and its English translation.</summary>
    public sealed record Files(string Source, string Target) : JobInput;

    /// <summary>The two texts themselves; <paramref name="Where"/> starts the messages about them (e.g. <c>batch.jsonl:3</c>).</summary>
    public sealed record Texts(string Japanese, string English, string Where) : JobInput;

    /// <summary>One raw document holding the Japanese original and its English translation.</summary>
    public sealed record Bilingual(string Path) : JobInput;
}

/// <summary>
/// One pair to align, as <c>align</c> takes it from its options and <c>align-batch</c> from a manifest line: the one
/// way from inputs to the aligned records both commands write.
/// </summary>
/// <param name="Input">What to align.</param>
/// <param name="Segmented">One sentence per line (line i is sentence i), or raw documents.</param>
/// <param name="SourceDecoding">How the Japanese file (or the bilingual file) is decoded.</param>
/// <param name="TargetDecoding">How the English file is decoded.</param>
internal sealed record AlignmentJob(JobInput Input, bool Segmented, InputDecoding SourceDecoding, InputDecoding TargetDecoding)
{
    /// <summary>
    /// Whether the result keeps the sentences' text (default true); false for an output written from the alignment
    /// alone (the links format): segmented input is then let go once measured and analysed, and the result's
    /// <see cref="JobResult.Items"/>, <see cref="JobResult.Japanese"/> and <see cref="JobResult.English"/> are empty.
    /// </summary>
    public bool KeepText { get; init; } = true;

    /// <summary>Sentences of both sides from which input let go (<see cref="KeepText"/> false) is collected before the search.</summary>
    private const int CollectFrom = 200_000;

    /// <summary>Aligns the pair; a missing, unreadable or empty input is an <see cref="InputException"/> naming it.</summary>
    /// <param name="aligner">Shared, thread-safe.</param>
    /// <param name="ct">Stops the work.</param>
    /// <param name="read">Told the sentence counts of segmented input once it is read, before the alignment.</param>
    /// <param name="stage">Told what segmented input goes through next (analysing, aligning), for progress.</param>
    /// <param name="progress">Makes, from what is being aligned, the progress of the alignment's searches; null for none.</param>
    public JobResult Run(DocumentAligner aligner, CancellationToken ct, Action<int, int>? read = null, Action<string>? stage = null,
        Func<string, IProgress<AlignmentProgress>>? progress = null)
    {
        if (Input is JobInput.Bilingual { Path: var bilingualPath } && Segmented)
            throw InputException.In(bilingualPath, "a bilingual document is raw text: it cannot be segmented");
        return Segmented ? RunSegmented(aligner, ct, read, stage, progress) : RunRaw(aligner, ct, progress?.Invoke("aligning"));
    }

    /// <summary>
    /// What the pair contributes to a corpus-level translation model (<c>taiyaku learn</c>): its inputs read and
    /// segmented exactly as <see cref="Run"/> reads them, its confident first-pass links as word bags.
    /// </summary>
    public TranslationStatistics Collect(DocumentAligner aligner, CancellationToken ct)
    {
        switch (Input)
        {
            case JobInput.Bilingual b:
                if (Segmented) throw InputException.In(b.Path, "a bilingual document is raw text: it cannot be segmented");
                return aligner.CollectTranslationsBilingual(InputFiles.ReadDocument(b.Path, ct, SourceDecoding), ct);
            case JobInput.Files f when Segmented:
                return aligner.CollectTranslations(InputFiles.ReadSentences(f.Source, ct, SourceDecoding), InputFiles.ReadSentences(f.Target, ct, TargetDecoding), ct);
            case JobInput.Files f:
                return aligner.CollectTranslations(InputFiles.ReadDocument(f.Source, ct, SourceDecoding), InputFiles.ReadDocument(f.Target, ct, TargetDecoding), ct);
            case JobInput.Texts t when Segmented:
                return aligner.CollectTranslations(Lines(t.Japanese, "ja", t.Where), Lines(t.English, "en", t.Where), ct);
            case JobInput.Texts t:
                return aligner.CollectTranslations(t.Japanese, t.English, ct);
            default:
                throw new InvalidOperationException("unknown input");
        }
    }

    private JobResult RunSegmented(DocumentAligner aligner, CancellationToken ct, Action<int, int>? read, Action<string>? stage,
        Func<string, IProgress<AlignmentProgress>>? progress)
    {
        var (prepared, ja, en) = Prepare(aligner, ct, read, stage);
        string aligning = $"aligning {prepared.JapaneseCount} + {prepared.EnglishCount} sentences";
        stage?.Invoke(aligning);
        return Search(aligner, prepared, ja, en, progress?.Invoke(aligning), ct);
    }

    /// <summary>The search of a prepared document whose sentences are <paramref name="ja"/> and <paramref name="en"/> (empty when let go).</summary>
    private JobResult Search(DocumentAligner aligner, PreparedDocument prepared, IReadOnlyList<string> ja, IReadOnlyList<string> en,
        IProgress<AlignmentProgress>? progress, CancellationToken ct)
    {
        // A format without text has let the sentences go before the search (the two files of a 1M × 1M pair are 188 MB,
        // most of the process's memory). An aggressive collection gives that memory back to the system; a plain one
        // frees it but keeps it committed (measured on that pair: resident 250 MB on into the search either way, 50 MB
        // after this one; peak 383 → 235 MiB, the same time). Small inputs are not worth a collection.
        if (!KeepText && prepared.JapaneseCount + prepared.EnglishCount >= CollectFrom)
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var result = aligner.Align(prepared, progress, ct);
        return new JobResult(result, new(() => AlignedText.Create(result, ja, en, sourceJoiner: "", targetJoiner: " ")), ja, en, null, 0)
            { Anchored = prepared.Anchored, AnchorMemory = prepared.AnchorMemory };
    }

    /// <summary>Reads, measures and analyses segmented input: the text is returned only when <see cref="KeepText"/>.</summary>
    private (PreparedDocument Prepared, IReadOnlyList<string> Japanese, IReadOnlyList<string> English) Prepare(DocumentAligner aligner, CancellationToken ct,
        Action<int, int>? read, Action<string>? stage)
    {
        var (ja, en) = ReadSegmented(ct);
        read?.Invoke(ja.Count, en.Count);
        // AlignSentences in its two steps, so that progress can say which one is running (the first analyses every
        // sentence for anchors, the second is the search).
        stage?.Invoke($"analysing {ja.Count} + {en.Count} sentences");
        var prepared = aligner.Prepare(ja, en, ct);
        return KeepText ? (prepared, ja, en) : (prepared, [], []);
    }

    private (IReadOnlyList<string> Japanese, IReadOnlyList<string> English) ReadSegmented(CancellationToken ct)
    {
        switch (Input)
        {
            case JobInput.Files f:
                // Side by side; the source's error, if any, is the one reported.
                var reading = Task.Run(() => InputFiles.ReadSentences(f.Target, ct, TargetDecoding), ct);
                var ja = InputFiles.ReadSentences(f.Source, ct, SourceDecoding);
                return (ja, reading.GetAwaiter().GetResult());
            case JobInput.Texts t:
                return (Lines(t.Japanese, "ja", t.Where), Lines(t.English, "en", t.Where));
            default:
                throw new InvalidOperationException("unreachable: a bilingual job is raw");
        }
    }

    private JobResult RunRaw(DocumentAligner aligner, CancellationToken ct, IProgress<AlignmentProgress>? progress)
    {
        // Links alone: the texts go once measured and analysed, as for segmented input (a 100 MB pair's text and
        // sentences are most of the process's memory).
        if (!KeepText && Input is JobInput.Files files) return Search(aligner, PrepareRaw(aligner, files, ct), [], [], progress, ct);
        DocumentAlignment doc;
        switch (Input)
        {
            case JobInput.Bilingual b:
                doc = aligner.AlignBilingual(InputFiles.ReadDocument(b.Path, ct, SourceDecoding), progress, ct);
                if (doc.Japanese.Sentences.Count == 0) throw InputException.In(b.Path, "no Japanese text found");
                if (doc.English.Sentences.Count == 0) throw InputException.In(b.Path, "no English text found");
                break;
            case JobInput.Files f:
                doc = aligner.Align(InputFiles.ReadDocument(f.Source, ct, SourceDecoding), InputFiles.ReadDocument(f.Target, ct, TargetDecoding), progress, ct);
                RequireSentences(f, doc.Japanese, doc.English);
                break;
            case JobInput.Texts t:
                doc = aligner.Align(t.Japanese, t.English, progress, ct);
                if (doc.Japanese.Sentences.Count == 0) throw new InputException($"{t.Where}: no sentence found in \"ja\"");
                if (doc.English.Sentences.Count == 0) throw new InputException($"{t.Where}: no sentence found in \"en\"");
                break;
            default:
                throw new InvalidOperationException("unknown input");
        }
        return new JobResult(doc.Result, new(doc.ToAlignedText), [.. doc.Japanese.SentenceTexts], [.. doc.English.SentenceTexts],
            doc.BilingualLayout, doc.Pairings.Count)
            { Anchored = doc.Anchored, AnchorMemory = doc.AnchorMemory };
    }

    /// <summary>Reads and segments two raw files as <see cref="DocumentAligner.Align(string, string, CancellationToken)"/> does, then measures and analyses their sentences.</summary>
    private PreparedDocument PrepareRaw(DocumentAligner aligner, JobInput.Files f, CancellationToken ct)
    {
        string japanese = InputFiles.ReadDocument(f.Source, ct, SourceDecoding);
        ReleaseFileBytes(japanese);
        string english = InputFiles.ReadDocument(f.Target, ct, TargetDecoding);
        ReleaseFileBytes(english);
        var (ja, en) = aligner.Segment(japanese, english, ct);
        RequireSentences(f, ja, en);
        return aligner.Prepare(ja.SentenceTexts, en.SentenceTexts, ct);
    }

    private static void RequireSentences(JobInput.Files f, SegmentedText ja, SegmentedText en)
    {
        if (ja.Sentences.Count == 0) throw InputException.In(f.Source, "no sentence found");
        if (en.Sentences.Count == 0) throw InputException.In(f.Target, "no sentence found");
    }

    /// <summary>Characters of a raw document from which the file's bytes, read whole and decoded, are collected at once.</summary>
    private const int ReleaseFrom = 16_000_000;

    /// <summary>
    /// Collects a large file's bytes once decoded, before the next file and the segmentation allocate: left to the
    /// collector they stayed resident under the segmentation's peak (measured, the 100 MB pair of scripts/stress.sh:
    /// peak 633 → 532 MiB, the same time).
    /// </summary>
    private static void ReleaseFileBytes(string decoded)
    {
        if (decoded.Length >= ReleaseFrom) GC.Collect();
    }

    /// <summary>The lines of an inline text, as a segmented file's: \n or \r\n end a line, a final line break adds no sentence.</summary>
    private static List<string> Lines(string text, string key, string where)
    {
        var lines = new List<string>(text.Split('\n'));
        if (lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].EndsWith('\r')) lines[i] = lines[i][..^1];
        if (lines.Count == 0) throw new InputException($"{where}: \"{key}\" is empty: there is no sentence to align");
        return lines;
    }
}

/// <summary>What a job produced: the records every output format is written from.</summary>
/// <param name="Alignment">The sentence alignment: the links format is written from it alone.</param>
/// <param name="LazyItems">The links (with texts, cost, score and, for raw input, places in the documents), then the text
/// set apart; made only for the formats that print text.</param>
/// <param name="Japanese">The Japanese sentences the indices refer to.</param>
/// <param name="English">The English sentences the indices refer to.</param>
/// <param name="Layout">For a bilingual document: the layout found.</param>
/// <param name="Pairings">For a bilingual document: the pairs the document made itself (kept).</param>
internal sealed record JobResult(AlignmentResult Alignment, Lazy<IReadOnlyList<AlignedText>> LazyItems, IReadOnlyList<string> Japanese, IReadOnlyList<string> English, BilingualLayout? Layout, int Pairings)
{
    /// <summary>The links with their text, then any text set apart.</summary>
    public IReadOnlyList<AlignedText> Items => LazyItems.Value;

    /// <summary>How many links.</summary>
    public int Links => Alignment.Links.Count;

    /// <summary>Whether the pair was aligned with anchors (see <see cref="PreparedDocument.Anchored"/>).</summary>
    public bool Anchored { get; init; }

    /// <summary>The memory the anchors were projected to need (see <see cref="PreparedDocument.AnchorMemory"/>).</summary>
    public long AnchorMemory { get; init; }

    /// <summary>What to tell the user when anchors were on but the pair was aligned by lengths alone (their projected
    /// memory above the limit); null otherwise.</summary>
    public string? LengthsOnlyWarning(AnchorOptions anchors) =>
        Anchored || !anchors.Any ? null :
        $"the anchors of {Alignment.SourceCount} + {Alignment.TargetCount} sentences would need about {InputLimits.Approximately(AnchorMemory)}, " +
        $"more than {InputLimits.Describe(anchors.MemoryLimit)}: aligned by length alone (--anchor-memory SIZE raises the limit)";

    /// <summary>Sentences of both sides.</summary>
    public int Sentences => Alignment.SourceCount + Alignment.TargetCount;
}
