namespace Taiyaku.Text;

/// <summary>Sentence break positions of one paragraph, kept sorted and distinct (a paragraph has few: a list suffices).</summary>
internal sealed class BreakSet
{
    private readonly List<int> _positions = [];

    public int Count => _positions.Count;

    public int this[int index] => _positions[index];

    public bool Contains(int position) => _positions.BinarySearch(position) >= 0;

    public void Add(int position)
    {
        int at = _positions.BinarySearch(position);
        if (at < 0) _positions.Insert(~at, position);
    }

    public void Remove(int position)
    {
        int at = _positions.BinarySearch(position);
        if (at >= 0) _positions.RemoveAt(at);
    }

    public void Clear() => _positions.Clear();

    /// <summary>A copy, to change the set while going through it.</summary>
    public int[] ToArray() => _positions.ToArray();
}
