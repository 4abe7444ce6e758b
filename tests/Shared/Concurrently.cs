namespace Taiyaku.Testing;

/// <summary>Runs the same work on several threads released together, for tests of shared, immutable objects.</summary>
internal static class Concurrently
{
    /// <summary>
    /// Starts <paramref name="threads"/> threads, releases them at once behind a barrier, and returns what each one's
    /// <paramref name="work"/> (given its index) returned, with every exception thrown on any of them.
    /// </summary>
    public static (T[] Results, List<Exception> Errors) Run<T>(int threads, Func<int, T> work)
    {
        var results = new T[threads];
        var errors = new List<Exception>();
        using var start = new Barrier(threads);
        var all = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                results[t] = work(t);
            }
            catch (Exception e)
            {
                lock (errors) errors.Add(e);
            }
        })).ToList();
        all.ForEach(t => t.Start());
        all.ForEach(t => t.Join());
        return (results, errors);
    }
}
