using System.Text;
using Taiyaku.Alignment;

namespace Taiyaku.Formats;

/// <summary>
/// A link as vecalign writes it: the source and target sentence indices it joins, in the order given.
/// Unlike <see cref="Link"/> the indices need not be contiguous or monotone, so gold files of any shape can be read.
/// Two links are equal when both index lists are equal element by element.
/// </summary>
public sealed class IndexLink : IEquatable<IndexLink>
{
    private readonly int[] _source;
    private readonly int[] _target;

    /// <summary>Creates a link from its source and target indices (copied).</summary>
    public IndexLink(IEnumerable<int> source, IEnumerable<int> target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        _source = source.ToArray();
        _target = target.ToArray();
    }

    /// <summary>The source sentence indices.</summary>
    public IReadOnlyList<int> Source => _source;

    /// <summary>The target sentence indices.</summary>
    public IReadOnlyList<int> Target => _target;

    /// <summary>The link for a contiguous <see cref="Link"/>.</summary>
    public static IndexLink From(Link link) =>
        new(Enumerable.Range(link.SourceStart, link.SourceCount), Enumerable.Range(link.TargetStart, link.TargetCount));

    /// <inheritdoc />
    public bool Equals(IndexLink? other) =>
        other is not null && _source.AsSpan().SequenceEqual(other._source) && _target.AsSpan().SequenceEqual(other._target);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IndexLink);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (int i in _source) h.Add(i);
        h.Add(-1);
        foreach (int i in _target) h.Add(i);
        return h.ToHashCode();
    }

    /// <summary>The link in vecalign's notation, e.g. <c>[0, 1]:[2]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Append(sb, _source);
        sb.Append(':');
        Append(sb, _target);
        return sb.ToString();

        static void Append(StringBuilder sb, int[] ids)
        {
            sb.Append('[');
            for (int i = 0; i < ids.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            sb.Append(']');
        }
    }
}
