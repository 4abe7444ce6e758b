namespace Taiyaku.Alignment;

/// <summary>The bead cost is the length cost alone.</summary>
internal readonly unsafe struct LengthOnlyTerm : IBeadTerm
{
    public static bool Adjusts => false;

    public void BeginRow(int i) { }

    public void Adjust(double* tmp, double* cur, int pi, int i, int a, int b, int jStart, int jEnd) { }

    public double DeletionCost(double priorCost, double lengthCost, bool target, int from, int to) => lengthCost;

    public double LinkCost(double priorCost, double lengthCost, Link link) => lengthCost;
}
