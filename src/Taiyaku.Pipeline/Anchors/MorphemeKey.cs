namespace Taiyaku.Pipeline;

/// <summary>
/// A morpheme as <see cref="WordPool"/> remembers it: its surface and its feature as the dictionary holds it (bytes).
/// Looked up as a <see cref="Span"/> of the sentence and the dictionary's memory, so that a morpheme seen before costs
/// a hash and a comparison, not two strings.
/// </summary>
internal readonly struct MorphemeKey(string surface, byte[] feature)
{
    public string Surface { get; } = surface;

    public byte[] Feature { get; } = feature;

    /// <summary>The same key over borrowed memory.</summary>
    public readonly ref struct Span(ReadOnlySpan<char> surface, ReadOnlySpan<byte> feature)
    {
        public ReadOnlySpan<char> Surface { get; } = surface;

        public ReadOnlySpan<byte> Feature { get; } = feature;
    }

    public sealed class Comparer : IEqualityComparer<MorphemeKey>, IAlternateEqualityComparer<Span, MorphemeKey>
    {
        public static readonly Comparer Instance = new();

        public bool Equals(MorphemeKey x, MorphemeKey y) => x.Surface == y.Surface && x.Feature.AsSpan().SequenceEqual(y.Feature);

        public int GetHashCode(MorphemeKey key) => Hash(key.Surface, key.Feature);

        public bool Equals(Span alternate, MorphemeKey other) => alternate.Surface.SequenceEqual(other.Surface) && alternate.Feature.SequenceEqual(other.Feature);

        public int GetHashCode(Span alternate) => Hash(alternate.Surface, alternate.Feature);

        public MorphemeKey Create(Span alternate) => new(alternate.Surface.ToString(), alternate.Feature.ToArray());

        private static int Hash(ReadOnlySpan<char> surface, ReadOnlySpan<byte> feature)
        {
            var hash = new HashCode();
            hash.Add(string.GetHashCode(surface));
            hash.AddBytes(feature);
            return hash.ToHashCode();
        }
    }
}
