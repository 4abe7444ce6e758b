using System.Collections.ObjectModel;

namespace Taiyaku.Alignment;

/// <summary>
/// The immutable outcome of aligning two sequences of units: links in document order that cover
/// every source and every target unit exactly once.
/// </summary>
public sealed class AlignmentResult
{
    /// <summary>Creates a result and checks that <paramref name="links"/> is monotone and covers both sides exactly once.</summary>
    /// <exception cref="ArgumentException">The links are not monotone, leave a gap, overlap, or contain a link empty on both sides.</exception>
    public AlignmentResult(IEnumerable<Link> links, int sourceCount, int targetCount)
        : this(links is null ? throw new ArgumentNullException(nameof(links)) : links.ToArray(), sourceCount, targetCount, owned: true)
    {
    }

    /// <summary>A result that takes <paramref name="links"/> without copying it (the caller must not keep it); still validated.</summary>
    internal static AlignmentResult Own(Link[] links, int sourceCount, int targetCount) => new(links, sourceCount, targetCount, owned: true);

    // Validates and keeps the array as is, so that a million-link result is not copied twice. `owned` only tells this
    // overload apart from the public one.
    private AlignmentResult(Link[] links, int sourceCount, int targetCount, bool owned)
    {
        var array = links;
        int s = 0, t = 0;
        for (int i = 0; i < array.Length; i++)
        {
            var l = array[i];
            if (l.SourceCount < 0 || l.TargetCount < 0 || (l.SourceCount == 0 && l.TargetCount == 0))
                throw new ArgumentException($"Link {i} is empty on both sides or has a negative count.", nameof(links));
            if (l.SourceStart != s || l.TargetStart != t)
                throw new ArgumentException($"Link {i} starts at ({l.SourceStart}, {l.TargetStart}) but ({s}, {t}) was expected: links must be monotone and contiguous.", nameof(links));
            s += l.SourceCount;
            t += l.TargetCount;
        }
        if (s != sourceCount || t != targetCount)
            throw new ArgumentException($"Links cover {s} source and {t} target units, but there are {sourceCount} and {targetCount}.", nameof(links));
        Links = new ReadOnlyCollection<Link>(array);
        SourceCount = sourceCount;
        TargetCount = targetCount;
        double total = 0;
        foreach (var l in array) total += l.Cost;
        TotalCost = total;
    }

    /// <summary>The links, in document order.</summary>
    public IReadOnlyList<Link> Links { get; }

    /// <summary>Number of source units aligned.</summary>
    public int SourceCount { get; }

    /// <summary>Number of target units aligned.</summary>
    public int TargetCount { get; }

    /// <summary>Sum of the links' costs.</summary>
    public double TotalCost { get; }
}
