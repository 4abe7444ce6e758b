using System.Runtime.InteropServices;

namespace Taiyaku.Japanese.Analysis;

/// <summary>
/// One candidate morpheme of the lattice (mecab's Node), kept by value in <see cref="Lattice"/>'s array so that
/// building a sentence's lattice allocates nothing. Links are indices into that array.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LatticeNode
{
    public int Begin;      // surface start (after skipped spaces)
    public int Length;     // surface length, truncated to 16 bits like mecab's
    public int End;        // position + rlength, rlength truncated to 16 bits like mecab's
    public int Pos;        // the look-up position (where the skipped spaces start)
    public long Cost;      // best path cost from BOS, this node's word cost included
    public nint Feature;   // NUL-terminated, in dictionary memory
    public int Prev;       // best left node
    public int ENext;      // next node in the same end list
    public ushort LeftId;
    public ushort RightId;
    public short WordCost;
    public bool Unknown;
    public byte CharType;  // the default category of the first character, as mecab's char_type
    public ushort PosId;
    public ushort LocalLeft;   // LeftId and RightId as the session's LocalConnectionMatrix numbers them
    public ushort LocalRight;
}
