using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Taiyaku.Cli.Batch;

/// <summary>
/// Runs <c>work</c> on the items of a lazily read source on a fixed number of threads and hands the results to
/// <c>sink</c> on the calling thread in source order. At most <c>window</c> items are read but not yet written, so
/// memory stays bounded however long the source is; a slow item holds back the output, not the work, until the window
/// is full.
/// </summary>
internal static class OrderedParallel
{
    private sealed class Slot<TIn, TOut>(TIn item)
    {
        public TIn Item { get; } = item;
        public TOut? Result;
        public ExceptionDispatchInfo? Error;
        public readonly ManualResetEventSlim Done = new(false);
    }

    /// <param name="source">Read on a background thread, one item ahead of the window at most.</param>
    /// <param name="work">Called on one of <paramref name="threads"/> worker threads; should not throw (an exception
    /// other than cancellation stops the run and is rethrown to the caller after the items before it are written).</param>
    /// <param name="sink">Called on the calling thread, in source order.</param>
    /// <param name="idle">Called on the calling thread whenever the next result is not ready yet (e.g. to flush output).</param>
    /// <param name="threads">Worker threads (≥ 1).</param>
    /// <param name="window">Items in flight at most (≥ 1).</param>
    /// <param name="cancellationToken">Stops reading, working and writing promptly; the call then throws
    /// <see cref="OperationCanceledException"/>.</param>
    public static void Run<TIn, TOut>(
        IEnumerable<TIn> source, Func<TIn, CancellationToken, TOut> work, Action<TOut> sink, Action? idle,
        int threads, int window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        // Neither the collections nor the token source are disposed: the reader thread may still be blocked in a read
        // of stdin after a cancellation, and must find them usable when it wakes up. The GC reclaims them.
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cts.Token;
        var order = new BlockingCollection<Slot<TIn, TOut>>(window);
        var queue = new BlockingCollection<Slot<TIn, TOut>>(window);
        ExceptionDispatchInfo? sourceError = null;

        var reader = new Thread(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    token.ThrowIfCancellationRequested();
                    var slot = new Slot<TIn, TOut>(item);
                    order.Add(slot, token);   // bounded: waits while the window is full
                    queue.Add(slot, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested) { }
            catch (Exception e) { sourceError = ExceptionDispatchInfo.Capture(e); }
            finally
            {
                order.CompleteAdding();
                queue.CompleteAdding();
            }
        }) { IsBackground = true, Name = "batch reader" };

        var workers = new Thread[threads];
        for (int w = 0; w < threads; w++)
        {
            workers[w] = new Thread(() =>
            {
                try
                {
                    foreach (var slot in queue.GetConsumingEnumerable(token))
                    {
                        try { slot.Result = work(slot.Item, token); }
                        catch (Exception e) { slot.Error = ExceptionDispatchInfo.Capture(e); }
                        finally { slot.Done.Set(); }
                    }
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested) { }
            }) { IsBackground = true, Name = $"batch worker {w + 1}" };
        }

        reader.Start();
        foreach (var t in workers) t.Start();
        try
        {
            while (true)
            {
                if (!order.TryTake(out var slot))
                {
                    idle?.Invoke();
                    if (!order.TryTake(out slot, Timeout.Infinite, token)) break;   // completed and empty
                }
                if (!slot.Done.IsSet)
                {
                    idle?.Invoke();
                    slot.Done.Wait(token);
                }
                slot.Done.Dispose();
                slot.Error?.Throw();
                sink(slot.Result!);
            }
            cancellationToken.ThrowIfCancellationRequested();
            sourceError?.Throw();
        }
        finally
        {
            cts.Cancel();
            // Workers see the token within a few thousand DP rows or segmenter paragraphs; the reader may be blocked
            // in a read and is left behind (a background thread).
            foreach (var t in workers) t.Join(TimeSpan.FromSeconds(5));
        }
    }
}
