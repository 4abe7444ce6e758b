using System.Diagnostics;
using System.Globalization;

namespace Taiyaku.Cli;

/// <summary>
/// Progress of long work on stderr. On a terminal: one live line redrawn in place, with a bar, the rate and the time
/// left when the amount of work is known. Otherwise (a log file, a pipe): a plain line every <see cref="PlainPeriod"/>,
/// the first after one period, so that short runs print nothing and long ones are visibly alive. Thread-safe:
/// workers call <see cref="Advance"/> from any thread.
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    /// <summary>How often a plain line is written (and how long before the first), unless <see cref="IntervalVariable"/> says otherwise.</summary>
    public static readonly TimeSpan PlainPeriod = TimeSpan.FromSeconds(15);

    /// <summary>The environment variable that sets the seconds between plain lines (e.g. 60 for a quieter log).</summary>
    public const string IntervalVariable = "TAIYAKU_PROGRESS_INTERVAL";

    /// <summary>How often the live line is redrawn.</summary>
    public static readonly TimeSpan LivePeriod = TimeSpan.FromMilliseconds(250);

    private const int BarWidth = 24;

    private readonly TextWriter _err;
    private readonly string _prefix;
    private readonly bool _live;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly object _gate = new();
    private string _stage = "working";
    private string _unit = "";
    private long _total, _done;
    private TimeSpan _stageStart;
    private bool _drawn;
    private bool _disposed;

    private ProgressReporter(TextWriter err, string prefix, bool live, TimeSpan? period)
    {
        _err = err;
        _prefix = prefix;
        _live = live;
        var p = period ?? (live ? LivePeriod : PlainPeriod);
        _timer = new Timer(_ => Tick(), null, p, p);
    }

    /// <summary>A reporter for <paramref name="command"/> (e.g. <c>taiyaku align</c>), or null with <c>--quiet</c>.</summary>
    public static ProgressReporter? Create(CliContext context, string command, bool quiet, TimeSpan? period = null)
    {
        if (quiet) return null;
        bool live = context.StdErrIsTerminal && !IsDumbTerminal();
        return new ProgressReporter(context.StdErr, command, live, period ?? (live ? null : PlainInterval()));
    }

    /// <summary>The period of plain lines: <see cref="IntervalVariable"/>'s seconds when it holds a number above 0, else <see cref="PlainPeriod"/>.</summary>
    private static TimeSpan PlainInterval() =>
        double.TryParse(Environment.GetEnvironmentVariable(IntervalVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s > 0 && s < 86_400
            ? TimeSpan.FromSeconds(s) : PlainPeriod;

    /// <summary>A reporter writing to <paramref name="err"/>: live (a terminal) or plain lines (tests).</summary>
    public static ProgressReporter ForWriter(TextWriter err, string command, bool live, TimeSpan period) => new(err, command, live, period);

    private static bool IsDumbTerminal() => Environment.GetEnvironmentVariable("TERM") is "dumb";

    /// <summary>Starts a stage: what is being done and, when known, how many <paramref name="unit"/> it has.</summary>
    public void Stage(string what, long total = 0, string unit = "")
    {
        lock (_gate)
        {
            _stage = what;
            _total = total;
            _unit = unit;
            _stageStart = _clock.Elapsed;
            Interlocked.Exchange(ref _done, 0);
        }
    }

    /// <summary>Counts <paramref name="count"/> more units of the stage done.</summary>
    public void Advance(long count = 1) => Interlocked.Add(ref _done, count);

    /// <summary>Sets the units of the stage done so far.</summary>
    public void Set(long done) => Interlocked.Exchange(ref _done, done);

    /// <summary>
    /// The command's stderr while this reports: a line written through it first erases the live line, so that a
    /// message never runs on from the bar; the next redraw puts the bar back below it.
    /// </summary>
    public TextWriter Messages => _messages ??= new ClearingWriter(this);

    private TextWriter? _messages;

    private sealed class ClearingWriter(ProgressReporter owner) : TextWriter
    {
        public override System.Text.Encoding Encoding => owner._err.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            lock (owner._err)
            {
                if (owner._drawn)
                {
                    owner._err.Write("\r\u001b[K");
                    owner._drawn = false;
                }
                owner._err.Write(value);
            }
        }

        public override void WriteLine(string? value) => Write(value + "\n");

        public override void Flush() => owner._err.Flush();
    }

    /// <summary>An IProgress of the units done, for library code that reports a count.</summary>
    public IProgress<long> Counter => new CountProgress(this);

    private sealed class CountProgress(ProgressReporter owner) : IProgress<long>
    {
        public void Report(long value) => owner.Set(value);
    }

    /// <summary>
    /// An IProgress of an alignment (<c>align</c>): each search of the aligner is a stage of its own, named
    /// <paramref name="what"/> (the second and later with their number), with a bar, rate and time left over its rows.
    /// </summary>
    public IProgress<Taiyaku.Alignment.AlignmentProgress> Alignment(string what) => new AlignmentStages(this, what);

    private sealed class AlignmentStages(ProgressReporter owner, string what) : IProgress<Taiyaku.Alignment.AlignmentProgress>
    {
        private int search;

        public void Report(Taiyaku.Alignment.AlignmentProgress value)
        {
            if (value.Search != search)
            {
                search = value.Search;
                owner.Stage(Name(), value.RowsTotal, "rows");
            }
            owner.Set(value.RowsDone);
            // Between searches (anchors, the learned pass): no bar at 100 % with a falling rate, the time so far.
            if (value.RowsDone == value.RowsTotal) owner.Stage(Name() + " done");
        }

        private string Name() => search == 1 ? what : $"{what}, search {search}";
    }

    /// <summary>The line as it would be drawn now (live: with the bar).</summary>
    internal string Render(bool live)
    {
        lock (_gate)
        {
            long done = Interlocked.Read(ref _done);
            var elapsed = _clock.Elapsed;
            var inStage = elapsed - _stageStart;
            var inv = CultureInfo.InvariantCulture;
            if (_total <= 0)
            {
                string count = done > 0 ? string.Create(inv, $": {done:N0} {_unit}") : "";
                return string.Create(inv, $"{_prefix}: {_stage}{count}, {elapsed.TotalSeconds:F0} s");
            }
            double share = Math.Clamp((double)done / _total, 0, 1);
            double rate = inStage.TotalSeconds > 0 ? done / inStage.TotalSeconds : 0;
            string left = rate > 0 && done < _total ? Duration(TimeSpan.FromSeconds((_total - done) / rate)) + " left" : "";
            if (!live)
                return string.Create(inv, $"{_prefix}: {_stage}: {done:N0}/{_total:N0} {_unit} ({share * 100:F0}%), {rate:N0} {_unit}/s{(left.Length > 0 ? ", " + left : "")}, {elapsed.TotalSeconds:F0} s");
            int filled = (int)Math.Round(share * BarWidth);
            string bar = new string('#', filled) + new string('-', BarWidth - filled);
            return string.Create(inv, $"{_prefix}: {_stage} [{bar}] {share * 100,3:F0}% {done:N0}/{_total:N0} {_unit}, {rate:N0}/s{(left.Length > 0 ? ", " + left : "")}");
        }
    }

    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:D2}:{t.Seconds:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:D2}");

    private void Tick()
    {
        try
        {
            lock (_err)
            {
                if (_disposed) return;
                if (_live)
                {
                    // Carriage return, the line, then erase what a longer previous line left to the right.
                    _err.Write("\r" + Render(live: true) + "\u001b[K");
                    _err.Flush();
                    _drawn = true;
                }
                else _err.WriteLine(Render(live: false));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }   // stderr gone: nothing to tell
    }

    /// <summary>Stops reporting; a live line is erased so that what follows starts on a clean line.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        try
        {
            lock (_err)
            {
                _disposed = true;
                if (_live && _drawn)
                {
                    _err.Write("\r\u001b[K");
                    _err.Flush();
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
    }
}
