namespace Taiyaku.Alignment;

/// <summary>
/// Work done beside the caller's: started on a thread of the current task scheduler, and done by the caller itself
/// when no thread has taken it up by the time the caller needs its result (inside a batch whose threads are all busy,
/// or on a scheduler of one thread, where waiting for it would never end). The caller waits only for work a thread has
/// begun, never for the queued task itself: a scheduler need not run a task inline, nor soon.
/// </summary>
internal sealed class ConcurrentWork : IDisposable
{
    private const int Unclaimed = 0, ByCaller = 1, ByTask = 2;

    private readonly Action work;
    private readonly Task task;
    private int state;

    private ConcurrentWork(Action work)
    {
        this.work = work;
        task = Task.Factory.StartNew(RunByTask, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Current);
    }

    /// <summary>Starts <paramref name="work"/> beside the caller.</summary>
    public static ConcurrentWork Start(Action work) => new(work);

    /// <summary>Waits for the work, doing it here if no thread has begun it; throws what it threw.</summary>
    public void Finish()
    {
        if (Interlocked.CompareExchange(ref state, ByCaller, Unclaimed) == Unclaimed) work();
        else if (state == ByTask) task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Makes sure the work is not running when this returns: it no longer starts, or it has ended (its exception, if
    /// any, is dropped: the caller is leaving on an exception of its own). The work may use what the caller frees next.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.CompareExchange(ref state, ByCaller, Unclaimed) == Unclaimed || state != ByTask) return;
        try { task.Wait(CancellationToken.None); } catch (AggregateException) { }
    }

    private void RunByTask()
    {
        if (Interlocked.CompareExchange(ref state, ByTask, Unclaimed) == Unclaimed) work();
    }
}
