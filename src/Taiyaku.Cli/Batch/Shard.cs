namespace Taiyaku.Cli.Batch;

/// <summary>
/// <c>--shard K/N</c>: task K of N takes the manifest lines whose 0-based index is K modulo N (whole lines, blank ones
/// included in the count), so that every task is given the same manifest and the split never depends on file sizes or
/// on the other tasks. K counts from 0, as Slurm's <c>SLURM_ARRAY_TASK_ID</c> with <c>--array=0-(N-1)</c>.
/// </summary>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole manifest.</summary>
    public static Shard All => new(0, 1);

    /// <summary>What the option's help says.</summary>
    public const string Help =
        "take only every N-th manifest line: those whose 0-based line index is K modulo N (K from 0 to N-1, e.g. " +
        "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT); records keep their manifest line numbers";

    /// <summary>True when the line (1-based number) belongs to this shard.</summary>
    public bool Takes(int lineNumber) => (lineNumber - 1) % Count == Index;

    /// <summary>Parses <c>K/N</c>; a usage error otherwise.</summary>
    public static Shard Parse(string? text)
    {
        if (text == null) return All;
        var parts = text.Split('/');
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, inv, out int k)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, inv, out int n)
            && n >= 1 && k < n)
            return new Shard(k, n);
        throw new UsageException($"--shard must be K/N with N ≥ 1 and 0 ≤ K < N, e.g. 0/4 (got '{text}')");
    }
}
