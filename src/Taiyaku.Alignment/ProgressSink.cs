namespace Taiyaku.Alignment;

/// <summary>Numbers the searches of one alignment (through its recursive and nested searches) and reports their rows.</summary>
internal sealed class ProgressSink(IProgress<AlignmentProgress> target)
{
    private int searches;

    /// <summary>A sink for <paramref name="progress"/>, or null (no reports, no cost) without one.</summary>
    public static ProgressSink? For(IProgress<AlignmentProgress>? progress) => progress is null ? null : new(progress);

    /// <summary>The number of the search that starts.</summary>
    public int Begin() => ++searches;

    public void Report(int search, int rowsDone, int rowsTotal) => target.Report(new AlignmentProgress(search, rowsDone, rowsTotal));
}
