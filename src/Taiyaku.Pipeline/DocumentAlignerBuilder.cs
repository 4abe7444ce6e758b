using Taiyaku.Features;
using Taiyaku.Japanese;

namespace Taiyaku.Pipeline;

/// <summary>
/// Puts a <see cref="DocumentAligner"/> together: the options (with the fitted <see cref="AlignmentParameters"/>), the
/// Japanese analyzer, a lexicon, a corpus-level translation model and anchor sources of your own; <see cref="Build"/>
/// gives an immutable, thread-safe aligner to share. Every part is optional:
/// <code>
/// using var analyzer = MorphologicalAnalyzer.Open();
/// var aligner = new DocumentAlignerBuilder()
///     .UseParameters(AlignmentParameters.PartialTranslations)
///     .UseAnalyzer(analyzer)
///     .UseLexicon(EdictLexicon.Default)
///     .AddAnchorSource(new GlossaryAnchorSource([("外務省", "Ministry of Foreign Affairs")]))
///     .Build();
/// </code>
/// A builder is not thread-safe; the aligner it builds is.
/// </summary>
public sealed class DocumentAlignerBuilder
{
    private DocumentAlignerOptions _options = DocumentAlignerOptions.Default;
    private MorphologicalAnalyzer? _analyzer;
    private IBilingualLexicon? _lexicon;
    private TranslationModel? _translations;
    private readonly List<IAnchorSource> _sources = [];

    /// <summary>Uses these options (replacing any given before, parameters included). Default <see cref="DocumentAlignerOptions.Default"/>.</summary>
    public DocumentAlignerBuilder UseOptions(DocumentAlignerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        return this;
    }

    /// <summary>Uses these fitted parameters (e.g. read with <see cref="AlignmentParameters.LoadAsync"/>), keeping the other options. Default <see cref="AlignmentParameters.Default"/>.</summary>
    public DocumentAlignerBuilder UseParameters(AlignmentParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _options = _options with { Parameters = parameters };
        return this;
    }

    /// <summary>Uses these anchor kinds, keeping the other options. Default <see cref="AnchorOptions.Default"/> (all on).</summary>
    public DocumentAlignerBuilder UseAnchors(AnchorOptions anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        _options = _options with { Anchors = anchors };
        return this;
    }

    /// <summary>
    /// Uses this Japanese analyzer: needed for <see cref="LengthMeasure.Tokens"/>; with anchors it gives base forms for
    /// the lexicon and readings of names (without it, anchors use katakana and Latin runs only). The aligner does not
    /// own it: dispose of it after the aligner's last use. Default: none.
    /// </summary>
    public DocumentAlignerBuilder UseAnalyzer(MorphologicalAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzer = analyzer;
        return this;
    }

    /// <summary>Uses this Japanese-English lexicon for dictionary anchors (e.g. <c>EdictLexicon.Default</c>). Default: none.</summary>
    public DocumentAlignerBuilder UseLexicon(IBilingualLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        return this;
    }

    /// <summary>
    /// Uses translation probabilities learned once from a corpus (<see cref="TranslationStatistics.Model"/>): the second
    /// pass joins them with what it learns from each document (each word's translations from both). Default: each
    /// document's own only.
    /// </summary>
    public DocumentAlignerBuilder UseTranslationModel(TranslationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _translations = model;
        return this;
    }

    /// <summary>Adds an anchor source of your own (e.g. a <see cref="GlossaryAnchorSource"/>), used beside the built-in kinds.</summary>
    public DocumentAlignerBuilder AddAnchorSource(IAnchorSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _sources.Add(source);
        return this;
    }

    /// <summary>The aligner: immutable and thread-safe; build once and share.</summary>
    /// <exception cref="ArgumentNullException">Token lengths without an analyzer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deletion share outside (0, 1), or a parameter the core refuses.</exception>
    public DocumentAligner Build() => new(_options, _analyzer, _lexicon, _translations, [.. _sources]);
}
