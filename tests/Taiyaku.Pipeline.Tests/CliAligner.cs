using Taiyaku.Edict;
using Taiyaku.Japanese;

namespace Taiyaku.Pipeline.Tests;

/// <summary>
/// The aligner the CLI builds by default (IPADIC analysis, the EDICT lexicon), built once for the tests that need its
/// anchors: immutable and thread-safe, its analyzer open for the test run.
/// </summary>
internal static class CliAligner
{
    private static readonly Lazy<DocumentAligner> Aligner = new(() =>
        new DocumentAlignerBuilder().UseAnalyzer(MorphologicalAnalyzer.Open()).UseLexicon(EdictLexicon.Default).Build());

    public static DocumentAligner Value => Aligner.Value;
}
