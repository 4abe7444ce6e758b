using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

/// <summary>
/// Numbers the searches of several <see cref="GaleChurchAligner"/> calls (the passes of one document) as one sequence:
/// each call counts its own from 1, and each search reports row 0 first, so a search 1 at row 0 after others starts a
/// new call. One document at a time (not thread-safe: the searches that report run one after the other; the
/// deletion-share candidates aligned beside them report nothing).
/// </summary>
internal sealed class SearchNumbering(IProgress<AlignmentProgress> target) : IProgress<AlignmentProgress>
{
    private int offset, last;

    public static SearchNumbering? For(IProgress<AlignmentProgress>? progress) => progress is null ? null : new(progress);

    public void Report(AlignmentProgress value)
    {
        if (value.Search == 1 && value.RowsDone == 0 && last > 0)
            offset += last;
        last = value.Search;
        target.Report(value with { Search = value.Search + offset });
    }
}
