using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Taiyaku.Cli.Batch;

/// <summary>
/// Runs work on the items of a sequence on several threads and hands the results on in the sequence's order, with a
/// bounded number of items in flight: a bounded channel of started tasks, in order, between one reader and the
/// consumer; a scheduler limited to <c>threads</c> runs the work.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>Runs <paramref name="work"/> on every item and passes the results to <paramref name="sink"/> in order.</summary>
    /// <param name="source">Read on a thread of its own (it may block, e.g. on stdin); an exception it throws is rethrown
    /// once the results before it have been passed on.</param>
    /// <param name="work">Run on up to <paramref name="threads"/> threads at once; an exception it throws is rethrown in order.</param>
    /// <param name="sink">Receives the results in order, on the caller's flow.</param>
    /// <param name="idle">Called when the next result is not ready yet (e.g. to flush output).</param>
    /// <param name="threads">Work items run at once (≥ 1).</param>
    /// <param name="window">Items in flight at most (≥ 1).</param>
    /// <param name="cancellationToken">Stops reading, working and handing on promptly; the call then throws
    /// <see cref="OperationCanceledException"/>.</param>
    public static async Task RunAsync<TIn, TOut>(
        IEnumerable<TIn> source, Func<TIn, CancellationToken, TOut> work, Action<TOut> sink, Action? idle,
        int threads, int window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        // The token source is not disposed: the reader may still be blocked in a read of stdin after a cancellation
        // and must find it usable when it wakes up. The GC reclaims it.
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cts.Token;
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, threads).ConcurrentScheduler;
        var order = Channel.CreateBounded<Task<TOut>>(new BoundedChannelOptions(window) { SingleReader = true, SingleWriter = true });
        var running = new HashSet<Task>();
        ExceptionDispatchInfo? sourceError = null;

        var reader = Task.Factory.StartNew(async () =>
        {
            try
            {
                foreach (var item in source)
                {
                    token.ThrowIfCancellationRequested();
                    var task = Task.Factory.StartNew(() => work(item, token), token, TaskCreationOptions.None, scheduler);
                    lock (running) running.Add(task);
                    _ = task.ContinueWith(t => { lock (running) running.Remove(t); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    await order.Writer.WriteAsync(task, token).ConfigureAwait(false);   // bounded: waits while the window is full
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested) { }
            catch (Exception e) { sourceError = ExceptionDispatchInfo.Capture(e); }
            finally { order.Writer.TryComplete(); }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

        try
        {
            while (await order.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (order.Reader.TryRead(out var task))
                {
                    if (!task.IsCompleted) idle?.Invoke();
                    sink(await task.ConfigureAwait(false));
                }
                idle?.Invoke();
            }
            cancellationToken.ThrowIfCancellationRequested();
            sourceError?.Throw();
        }
        finally
        {
            cts.Cancel();
            // Work sees the token within a few thousand DP rows or segmenter paragraphs: wait for it (its aligner and
            // analyzer are disposed after this returns). The reader may be blocked in a read and is left behind.
            Task[] left;
            lock (running) left = [.. running];
            try { Task.WaitAll(left, TimeSpan.FromSeconds(5)); }
            catch (AggregateException) { }
        }
    }
}
