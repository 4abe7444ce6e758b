using System.Diagnostics;

namespace Taiyaku.Cli;

/// <summary>
/// A line on stderr every <see cref="Period"/> (the first after one period) saying what a long command is doing, so
/// that a run of minutes is visibly alive. Short runs print nothing.
/// </summary>
internal sealed class ProgressTicker : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    private readonly TextWriter _err;
    private readonly string _prefix;
    private readonly Stopwatch _clock;
    private readonly Timer _timer;
    private volatile string _stage = "working";

    public ProgressTicker(TextWriter err, string prefix, Stopwatch clock, TimeSpan? period = null)
    {
        _err = err;
        _prefix = prefix;
        _clock = clock;
        var p = period ?? Period;
        _timer = new Timer(_ => Tick(), null, p, p);
    }

    /// <summary>What is being done now, e.g. <c>aligning 100000 + 100000 sentences</c>.</summary>
    public string Stage { get => _stage; set => _stage = value; }

    private void Tick()
    {
        try
        {
            lock (_err) _err.WriteLine($"{_prefix}: {_stage}, {_clock.Elapsed.TotalSeconds:F0} s");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }   // stderr gone: nothing to tell
    }

    public void Dispose() => _timer.Dispose();
}
