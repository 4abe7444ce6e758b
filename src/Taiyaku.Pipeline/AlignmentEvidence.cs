using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

/// <summary>An alignment before scoring and each link's anchor coverage (see <see cref="DocumentAligner.AlignWithEvidence(PreparedDocument, CancellationToken)"/>).</summary>
/// <param name="Result">The links, with costs; scores not yet set.</param>
/// <param name="Coverage">For each link, in order, the anchor weight it holds and matches.</param>
public sealed record AlignmentEvidence(AlignmentResult Result, IReadOnlyList<AnchorCoverage> Coverage)
{
    /// <summary>
    /// The parameters that made the alignment: the aligner's own, or their <see cref="AlignmentParameters.Untranslated"/>
    /// set when the document was found to hold untranslated passages; score with their <see cref="AlignmentParameters.Confidence"/>.
    /// Null where the aligner did not say.
    /// </summary>
    public AlignmentParameters? Parameters { get; init; }
}
