using Taiyaku.Alignment;
using Taiyaku.Features;
using Taiyaku.Japanese;

namespace Taiyaku.Pipeline;

/// <summary>
/// Which lexical anchors the aligner uses besides sentence lengths, and how much each kind weighs. Immutable; each
/// kind can be switched off on its own (the README's ablation table does so).
/// </summary>
public sealed record AnchorOptions
{
    /// <summary>All anchors on, with the weights below: the defaults.</summary>
    public static AnchorOptions Default { get; } = new();

    /// <summary>No anchors: length-only alignment.</summary>
    public static AnchorOptions None { get; } = new() { Numbers = false, Latin = false, Names = false, Dictionary = false, Punctuation = false, SecondPass = false, LineShapes = false };

    /// <summary>Numbers and dates, normalised across scripts and scales (６兆円 ↔ 6 trillion yen). Default on.</summary>
    public bool Numbers { get; init; } = true;

    /// <summary>Latin-script words inside Japanese (GDP, NTT) matched to English words. Default on.</summary>
    public bool Latin { get; init; } = true;

    /// <summary>Katakana words and proper-noun readings, romanised and matched by a phonetic key (トヨタ ↔ Toyota). Default on.</summary>
    public bool Names { get; init; } = true;

    /// <summary>The bilingual lexicon given to the aligner (e.g. EDICT), looked up by the analyzer's base forms. Default on.</summary>
    public bool Dictionary { get; init; } = true;

    /// <summary>Question marks, quotation marks and parentheses. Default on.</summary>
    public bool Punctuation { get; init; } = true;

    /// <summary>
    /// The learned second pass: word translation probabilities (IBM Model 1) learned from the confident 1-1 links of a
    /// first alignment, added as anchors, then a second alignment. Default on.
    /// </summary>
    public bool SecondPass { get; init; } = true;

    /// <summary>
    /// Lines whose shape says they may have no counterpart (<see cref="Features.LineShapes"/>: no letter of their side's
    /// script, wholly in brackets, English in capitals) are cheaper to leave unaligned, by the weights below, and their
    /// length does not count then (it is not a translation's length). Lexical evidence still links such a line when its
    /// counterpart is there. Default on.
    /// </summary>
    public bool LineShapes { get; init; } = true;

    /// <summary>Log-odds, in nats, that a line with no letter of its side's script has no counterpart (<see cref="LineShape.OtherScript"/>: a page number, a stamp, a line in the other language). Default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double OtherScriptLineWeight { get; init => field = LineWeight(value); } = 3;

    /// <summary>Log-odds, in nats, that a line wholly in brackets has no counterpart (<see cref="LineShape.Bracketed"/>: a translator's or editor's note). Default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double BracketedLineWeight { get; init => field = LineWeight(value); } = 2;

    /// <summary>Log-odds, in nats, that an English line in capitals has no counterpart (<see cref="LineShape.Capitals"/>: a marking, a stamp). Default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double CapitalsLineWeight { get; init => field = LineWeight(value); } = 2;

    private static double LineWeight(double value, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "A line-shape weight must be finite and non-negative.");

    // An item's weight is its kind's bonus below plus ln(1/q), q the share of the other side's sentences holding one of
    // its keys; the bonuses are log-odds that a match of that kind is more than chance.

    /// <summary>Bonus of a number, in nats. Default 1.</summary>
    public double NumberWeight { get; init; } = 1;

    /// <summary>Bonus of a Latin-script word. Default 1.</summary>
    public double LatinWeight { get; init; } = 1;

    /// <summary>Bonus of a name or katakana word. Default 0.5.</summary>
    public double NameWeight { get; init; } = 0.5;

    /// <summary>Bonus of a dictionary word (or any other content word). Default 0.</summary>
    public double WordWeight { get; init; }

    /// <summary>Bonus of a punctuation anchor. Default 0.</summary>
    public double PunctuationWeight { get; init; }

    /// <summary>
    /// Most memory, in bytes, the anchors of one document may be projected to need; a document whose anchors would need
    /// more is aligned by length alone, which keeps memory linear and small. The projection is made before the anchors
    /// of the whole document are extracted, from an even sample of its sentences (their anchor items and keys: see
    /// <see cref="PreparedDocument.AnchorMemory"/>); it grows with the number of sentences and with how many anchors
    /// each holds (measured at the peak, default runtime settings: a 1M × 1M pair of sparse text, 1.4 GiB more than by length alone; a 100 MB
    /// document with numbers and dictionary words in every sentence, 769,230 a side, 3.7 GiB more).
    /// Default 2 GiB. <see cref="PreparedDocument.Anchored"/> tells which applied.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public long MemoryLimit { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MemoryLimit), value, "The anchors' memory limit cannot be negative."); } = DefaultMemoryLimit;

    /// <summary>The default <see cref="MemoryLimit"/>: 2 GiB.</summary>
    public const long DefaultMemoryLimit = 2L << 30;

    /// <summary>Whether any anchor is on.</summary>
    public bool Any => Numbers || Latin || Names || Dictionary || Punctuation || SecondPass || LineShapes;

    /// <summary>Each line's one-sided evidence (<see cref="SentenceAnchors.OneSidedEvidence"/>) from its shape; null when <see cref="LineShapes"/> is off.</summary>
    internal double[]? OneSidedEvidence(IReadOnlyList<string> lines, bool japanese)
    {
        if (!LineShapes) return null;
        var evidence = new double[lines.Count];
        for (int i = 0; i < evidence.Length; i++)
        {
            var shape = japanese ? Features.LineShapes.OfJapanese(lines[i]) : Features.LineShapes.OfEnglish(lines[i]);
            evidence[i] = shape switch
            {
                LineShape.OtherScript => OtherScriptLineWeight,
                LineShape.Bracketed => BracketedLineWeight,
                LineShape.Capitals => CapitalsLineWeight,
                _ => 0,
            };
        }
        return evidence;
    }

    /// <summary>
    /// The built-in kinds switched on, as anchor sources in the order of their items: numbers, punctuation, then one
    /// word source for Latin words, names, dictionary words and the second pass's content words (it analyses each
    /// Japanese sentence once, so they share it). The aligner puts the user's sources before them.
    /// </summary>
    internal IReadOnlyList<IAnchorSource> BuiltInSources(MorphologicalAnalyzer? analyzer, IBilingualLexicon? lexicon)
    {
        var sources = new List<IAnchorSource>(3);
        if (Numbers) sources.Add(new NumberAnchorSource(NumberWeight));
        if (Punctuation) sources.Add(new PunctuationAnchorSource(PunctuationWeight));
        if (Latin || Names || Dictionary || SecondPass) sources.Add(new WordAnchorSource(this, analyzer, lexicon));
        return sources;
    }
}
