using System.CommandLine;
using Taiyaku.Alignment;
using Taiyaku.Edict;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;
using Taiyaku.Text;

namespace Taiyaku.Cli;

/// <summary>
/// The aligner options shared by <c>align</c>, <c>align-batch</c> and <c>fit</c>: length measure, beads, anchors,
/// a fitted parameter file and the dictionary; builds one <see cref="DocumentAligner"/> and owns the analyzer it uses.
/// </summary>
internal sealed class AlignerSetup : IDisposable
{
    /// <summary>The names of the options this class reads (other commands refuse them, e.g. eval without --corpus).</summary>
    public static readonly string[] OptionNames = ["length", "beads", "anchors", "anchor-memory", "params", "model", "dicdir", "line-breaks"];

    /// <summary>The anchors --anchors can list.</summary>
    public static readonly string[] AnchorNames = ["numbers", "latin", "names", "dictionary", "punctuation", "second-pass", "line-shapes"];

    /// <summary>How --dicdir is found when not given: the analyzer's own search (DictionaryLocator), said once for every command.</summary>
    public const string DicdirDefault =
        "default: the dicdir of the file MECABRC names, else the IPADIC shipped with taiyaku, else the dicdir of ~/.mecabrc or /etc/mecabrc, else the usual install folders";

    /// <summary>Adds the aligner options to <paramref name="command"/>.</summary>
    public static void AddOptions(Command command, bool withParams = true, bool withModel = true)
    {
        if (withParams && withModel)
        {
            command.Options.Add(Opt.Text("model", "FILE",
                "a translation model written by 'taiyaku learn' (learned once over a whole corpus, with the aligner options given here): " +
                "the second pass uses it together with what it learns from each document (default: from each document alone)"));
        }
        if (withParams)
        {
            command.Options.Add(Opt.Text("params", "FILE",
                "fitted parameters written by 'taiyaku fit' (default: the built-in ones, for complete and partial translations: " +
                "each document is aligned first with the set for untranslated or added passages, kept when it leaves at least 1% of " +
                "the text in one-sided blocks, else aligned with the kyoto-wiki dev fit); 'partial' for the set for " +
                "untranslated or added passages alone (fitted on kyoto-wiki dev and pydocs-dev: sentences without counterpart " +
                "are left unaligned on lexical evidence); 'complete' for the kyoto-wiki dev fit alone (complete translations, " +
                "in less than half the time); --length and --beads other than the defaults use the kyoto-wiki fit alone"));
        }
        var anchors = Opt.Text("anchors", "LIST",
            $"lexical anchors used besides lengths: all, none, or a comma-separated list of {string.Join(", ", AnchorNames)}", defaultValue: "all");
        anchors.CompletionSources.Add(new[] { "all", "none" }.Concat(AnchorNames).ToArray());
        command.Options.Add(anchors);
        command.Options.Add(Opt.Text("anchor-memory", "SIZE",
            "most memory the anchors of one document may be projected to need, in bytes (K, M, G suffixes): a document " +
            "whose anchors would need more is aligned by lengths alone, with a warning. The projection is made from an even " +
            "sample of the sentences (projected: a 1M × 1M pair of sparse text 1.4 GiB, a 100 MB document with numbers and " +
            "dictionary words in every sentence 3.5 GiB)", defaultValue: "2G"));
        command.Options.Add(Opt.Text("length", "MEASURE",
            "the length measure: bytes (UTF-8 bytes), chars, or tokens (MeCab morphemes / ICU words)" + (withParams ? "; a --params file sets its own" : ""),
            defaultValue: "bytes", choices: ["bytes", "chars", "tokens"]));
        if (withParams)
        {
            command.Options.Add(Opt.Text("beads", "SET",
                "bead types and priors: fitted (the parameters' own), extended (eleven types up to 3-3 with our priors) or standard " +
                "(Gale and Church's six); a --params file sets its own", defaultValue: "fitted", choices: ["fitted", "extended", "standard"]));
        }
        command.Options.Add(Opt.Text("dicdir", "DIR", "MeCab dictionary folder for the Japanese analyzer; " + DicdirDefault));
        AddLineBreaks(command);
    }

    /// <summary>Adds --line-breaks (also taken by 'segment').</summary>
    public static void AddLineBreaks(Command command) =>
        command.Options.Add(Opt.Text("line-breaks", "MODE",
            "raw documents: auto (decided per document and block of lines from line widths, final punctuation, list markers " +
            "and blank lines), wrap (hard-wrapped: a single line break goes on in the same paragraph) or paragraph (every " +
            "line is a paragraph, heading or list item of its own)", defaultValue: "auto", choices: ["auto", "wrap", "paragraph"]));

    /// <summary>The --line-breaks value.</summary>
    public static LineBreaks ParseLineBreaks(CommandLine cl) => cl.Value("line-breaks") switch
    {
        "wrap" => LineBreaks.Wrap,
        "paragraph" => LineBreaks.Paragraph,
        _ => LineBreaks.Auto,
    };

    private readonly MorphologicalAnalyzer? _analyzer;

    private AlignerSetup(DocumentAligner aligner, MorphologicalAnalyzer? analyzer)
    {
        Aligner = aligner;
        _analyzer = analyzer;
    }

    public DocumentAligner Aligner { get; }

    public static AlignerSetup Create(CommandLine cl, CancellationToken ct)
    {
        var anchors = ParseAnchors(cl.Value("anchors") ?? "all");
        if (cl.Given("anchor-memory")) anchors = anchors with { MemoryLimit = InputLimits.Size(cl, "anchor-memory", AnchorOptions.DefaultMemoryLimit) };
        var options = DocumentAlignerOptions.Default with { Anchors = anchors };
        if (cl.Get("params") is { } path)
        {
            if (cl.Given("length") || cl.Given("beads"))
                throw new UsageException("--params sets the length measure and beads: give it without --length and --beads");
            if (path == "partial" && !File.Exists(path)) options = options with { Parameters = AlignmentParameters.PartialTranslations };
            else if (path == "complete" && !File.Exists(path)) options = options with { Parameters = AlignmentParameters.CompleteTranslations };
            else
            {
                // Read within the input limits (a parameter file of /dev/zero is an error, not an endless read).
                byte[] bytes = InputFiles.ReadBytes(path, ct);
                try { options = options with { Parameters = AlignmentParameters.FromJson(Formats.TextFiles.StrictUtf8.GetString(bytes)) }; }
                catch (FormatException e) { throw InputException.In(path, e.Message); }
                catch (System.Text.DecoderFallbackException) { throw InputException.In(path, "not valid UTF-8"); }
            }
        }
        else
        {
            var beads = cl.Value("beads") switch
            {
                "extended" => Bead.Extended,
                "standard" => Bead.Standard,
                _ => options.Parameters.Beads,
            };
            var length = cl.Value("length") switch
            {
                "chars" => LengthMeasure.Characters,
                "tokens" => LengthMeasure.Tokens,
                _ => LengthMeasure.Utf8Bytes,
            };
            // The set for untranslated passages was fitted on byte lengths with its own beads: another measure or other
            // beads align with the kyoto-wiki fit alone (the defaults given explicitly change nothing).
            bool asFitted = length == options.Parameters.Length && ReferenceEquals(beads, options.Parameters.Beads);
            options = options with { Parameters = options.Parameters with { Length = length, Beads = beads, Untranslated = asFitted ? options.Parameters.Untranslated : null } };
        }
        options = options with { Segmentation = options.Segmentation with { LineBreaks = ParseLineBreaks(cl) } };
        TranslationStatistics? learned = null;
        string? modelPath = cl.Get("model");
        if (modelPath != null)
        {
            if (!anchors.SecondPass)
                throw new UsageException("--model is used by the second pass: give it with --anchors all or a list with second-pass");
            learned = Batch.ModelFile.Read(modelPath);
        }
        bool needsAnalyzer = options.Parameters.Length == LengthMeasure.Tokens || anchors.Any;
        var analyzer = needsAnalyzer ? OpenAnalyzer(cl.Get("dicdir")) : null;
        try
        {
            var lexicon = anchors.Dictionary ? EdictLexicon.Default : null;
            var builder = new DocumentAlignerBuilder().UseOptions(options);
            if (analyzer != null) builder.UseAnalyzer(analyzer);
            if (lexicon != null) builder.UseLexicon(lexicon);
            if (learned != null) builder.UseTranslationModel(learned.Model);
            var aligner = builder.Build();
            if (learned != null) Batch.ModelFile.CheckSettings(modelPath!, learned.Settings, aligner.TranslationSettings, "this alignment's");
            return new AlignerSetup(aligner, analyzer);
        }
        catch
        {
            analyzer?.Dispose();
            throw;
        }
    }

    /// <summary>Parses the --anchors value.</summary>
    public static AnchorOptions ParseAnchors(string value)
    {
        if (value == "all") return AnchorOptions.Default;
        if (value == "none") return AnchorOptions.None;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Array.IndexOf(AnchorNames, part) < 0)
                throw new UsageException($"--anchors: unknown anchor '{part}' (use all, none, or {string.Join(", ", AnchorNames)})");
            set.Add(part);
        }
        return AnchorOptions.Default with
        {
            Numbers = set.Contains("numbers"),
            Latin = set.Contains("latin"),
            Names = set.Contains("names"),
            Dictionary = set.Contains("dictionary"),
            Punctuation = set.Contains("punctuation"),
            SecondPass = set.Contains("second-pass"),
            LineShapes = set.Contains("line-shapes"),
        };
    }

    private static MorphologicalAnalyzer OpenAnalyzer(string? dicdir)
    {
        try { return MorphologicalAnalyzer.Open(DictionaryLocator.Locate(dicdir, searchSystem: true)); }
        catch (Exception e) when (e is DictionaryNotFoundException or DictionaryFormatException)
        {
            throw new InputException(e.Message);
        }
    }

    public void Dispose() => _analyzer?.Dispose();
}
