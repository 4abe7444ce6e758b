using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

/// <summary>An alignment before scoring and each link's anchor coverage (see <see cref="DocumentAligner.AlignWithEvidence(PreparedDocument, CancellationToken)"/>).</summary>
/// <param name="Result">The links, with costs; scores not yet set.</param>
/// <param name="Coverage">For each link, in order, the anchor weight it holds and matches.</param>
public sealed record AlignmentEvidence(AlignmentResult Result, IReadOnlyList<AnchorCoverage> Coverage);
