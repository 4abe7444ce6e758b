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
    /// <summary>The value options this class reads.</summary>
    public static readonly string[] ValueOptions = ["length", "beads", "anchors", "params", "dicdir", "line-breaks"];

    /// <summary>Help lines for those options, in the style of the commands' help.</summary>
    public const string Help = """
          --params FILE      fitted parameters written by 'taiyaku fit' (default: the built-in ones, fitted on
                             the kyoto-wiki dev documents); 'partial' for the built-in set for translations
                             with untranslated or added passages (fitted on kyoto-wiki dev and pydocs-dev:
                             sentences without counterpart are left unaligned on lexical evidence)
          --anchors LIST     lexical anchors used besides lengths: all (default), none, or a comma-separated
                             list of numbers, latin, names, dictionary, punctuation, second-pass
          --length MEASURE   bytes (default: UTF-8 bytes), chars, or tokens (MeCab morphemes / ICU words);
                             a --params file sets its own
          --beads SET        fitted (default: the parameters' bead types and priors), extended (eleven types up
                             to 3-3 with our priors) or standard (Gale and Church's six); a --params file
                             sets its own
          --dicdir DIR       MeCab dictionary for the Japanese analyzer (default: the bundled IPADIC)
        """ + LineBreaksHelp;

    /// <summary>Help lines for --line-breaks (also taken by 'segment').</summary>
    public const string LineBreaksHelp = """

          --line-breaks MODE raw documents: auto (default: decided per document and block of lines from line
                             widths, final punctuation, list markers and blank lines), wrap (hard-wrapped: a
                             single line break goes on in the same paragraph) or paragraph (every line is a
                             paragraph, heading or list item of its own)
        """;

    /// <summary>The --line-breaks value.</summary>
    public static LineBreaks ParseLineBreaks(CommandLine cl) => cl.Choice("line-breaks", "auto", "auto", "wrap", "paragraph") switch
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
        var anchors = ParseAnchors(cl.Get("anchors") ?? "all");
        var options = DocumentAlignerOptions.Default with { Anchors = anchors };
        if (cl.Get("params") is { } path)
        {
            if (cl.Get("length") != null || cl.Get("beads") != null)
                throw new UsageException("--params sets the length measure and beads: give it without --length and --beads");
            if (path == "partial" && !File.Exists(path)) options = AlignmentParameters.PartialTranslations.ApplyTo(options);
            else
            {
                // Read within the input limits (a parameter file of /dev/zero is an error, not an endless read).
                byte[] bytes = InputFiles.ReadBytes(path, ct);
                try { options = AlignmentParameters.FromJson(Formats.TextFiles.StrictUtf8.GetString(bytes)).ApplyTo(options); }
                catch (FormatException e) { throw InputException.In(path, e.Message); }
                catch (System.Text.DecoderFallbackException) { throw InputException.In(path, "not valid UTF-8"); }
            }
        }
        else
        {
            var beads = cl.Choice("beads", "fitted", "fitted", "extended", "standard") switch
            {
                "extended" => Bead.Extended,
                "standard" => Bead.Standard,
                _ => options.Alignment.Beads,
            };
            var length = cl.Choice("length", "bytes", "chars", "bytes", "tokens") switch
            {
                "chars" => LengthMeasure.Characters,
                "tokens" => LengthMeasure.Tokens,
                _ => LengthMeasure.Utf8Bytes,
            };
            options = options with
            {
                Length = length,
                Alignment = options.Alignment with { Beads = beads },
            };
        }
        options = options with { Segmentation = options.Segmentation with { LineBreaks = ParseLineBreaks(cl) } };
        bool needsAnalyzer = options.Length == LengthMeasure.Tokens || anchors.Any;
        var analyzer = needsAnalyzer ? OpenAnalyzer(cl.Get("dicdir")) : null;
        try
        {
            var lexicon = anchors.Dictionary ? EdictLexicon.Default : null;
            return new AlignerSetup(new DocumentAligner(options, analyzer, lexicon), analyzer);
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
            if (part is not ("numbers" or "latin" or "names" or "dictionary" or "punctuation" or "second-pass"))
                throw new UsageException($"--anchors: unknown anchor '{part}' (use all, none, or numbers, latin, names, dictionary, punctuation, second-pass)");
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
        };
    }

    private static MorphologicalAnalyzer OpenAnalyzer(string? dicdir)
    {
        try { return MorphologicalAnalyzer.Open(dicdir); }
        catch (Exception e) when (e is DictionaryNotFoundException or DictionaryFormatException)
        {
            throw new InputException(e.Message);
        }
    }

    public void Dispose() => _analyzer?.Dispose();
}
