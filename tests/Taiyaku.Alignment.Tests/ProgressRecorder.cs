using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>Keeps every progress report (the aligner reports on the calling thread, so no lock is needed).</summary>
internal sealed class ProgressRecorder : IProgress<AlignmentProgress>
{
    public List<AlignmentProgress> Reports { get; } = [];

    public void Report(AlignmentProgress value) => Reports.Add(value);
}
