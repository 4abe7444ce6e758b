using System.Diagnostics;
using SharpFuzz;
using Taiyaku.Fuzzing;

// Usage:
//   Taiyaku.Fuzzing <harness> afl                     run under afl-fuzz (input on stdin; SharpFuzz fork server)
//   Taiyaku.Fuzzing <harness> random SECONDS SEEDS OUT  built-in mutation loop for SECONDS; crashers saved in OUT
//   Taiyaku.Fuzzing <harness> seeds DIR                write the seed corpus into DIR
//   Taiyaku.Fuzzing <harness> replay PATH...           run files (or every file of folders) once; exit 1 on a crash
// Harnesses: dictionary (MecabDictionary.Open on mutated dictionary files, then analysis), text (decoding,
// segmentation, alignment, writers, with invariant checks), parameters (parameter files: loaded ones must align
// anything), manifest (align-batch on a manifest, in process). A harness throws only for a crash: expected failures
// (DictionaryFormatException, TextDataException for undecodable bytes) are caught inside it.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Taiyaku.Fuzzing dictionary|text|parameters|manifest afl|random|seeds|replay ...");
    return 2;
}
IHarness harness = args[0] switch
{
    "dictionary" => new DictionaryHarness(),
    "text" => new TextHarness(),
    "parameters" => new ParametersHarness(),
    "manifest" => new ManifestHarness(),
    _ => throw new ArgumentException($"unknown harness '{args[0]}'"),
};
switch (args[1])
{
    case "afl":
        Fuzzer.Run(stream =>
        {
            using var m = new MemoryStream();
            stream.CopyTo(m);
            harness.Run(m.GetBuffer().AsSpan(0, (int)m.Length));
        });
        return 0;
    case "seeds":
        Directory.CreateDirectory(args[2]);
        int k = 0;
        foreach (var seed in harness.Seeds())
            File.WriteAllBytes(Path.Combine(args[2], $"seed-{k++:D3}"), seed);
        Console.WriteLine($"{k} seeds written to {args[2]}");
        return 0;
    case "replay":
    {
        int crashes = 0, files = 0;
        foreach (string path in args.Skip(2).SelectMany<string, string>(p => Directory.Exists(p) ? Directory.GetFiles(p).Where(f => !f.EndsWith("README.txt", StringComparison.Ordinal)).Order() : new[] { p }))
        {
            files++;
            try { harness.Run(File.ReadAllBytes(path)); }
            catch (Exception e)
            {
                crashes++;
                Console.WriteLine($"CRASH {path}: {e.GetType().FullName}: {e.Message}\n{e.StackTrace}");
            }
        }
        Console.WriteLine($"replayed {files} inputs: {crashes} crashes");
        return crashes == 0 ? 0 : 1;
    }
    case "random":
    {
        double seconds = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        var seeds = Directory.Exists(args[3]) ? Directory.GetFiles(args[3]).Order().Select(File.ReadAllBytes).ToList() : harness.Seeds().ToList();
        string outDir = Directory.CreateDirectory(args[4]).FullName;
        var result = MutationLoop.Run(harness, seeds, TimeSpan.FromSeconds(seconds), outDir, seed: Environment.ProcessId);
        Console.WriteLine($"{args[0]}: {result.Executions} executions in {result.Elapsed.TotalSeconds:F0} s ({result.Executions / Math.Max(1, result.Elapsed.TotalSeconds):F0}/s), corpus {result.CorpusSize}, {result.Crashes} crashes ({result.UniqueCrashes} distinct) saved in {outDir}");
        return result.Crashes == 0 ? 0 : 1;
    }
    default:
        Console.Error.WriteLine($"unknown mode '{args[1]}'");
        return 2;
}

namespace Taiyaku.Fuzzing
{
    /// <summary>One fuzzing target.</summary>
    internal interface IHarness
    {
        /// <summary>Runs one input; throws only for a crash (an unexpected exception or a broken invariant).</summary>
        void Run(ReadOnlySpan<byte> input);

        /// <summary>Inputs to start from.</summary>
        IEnumerable<byte[]> Seeds();
    }

    /// <summary>A broken invariant found by a harness: always a crash.</summary>
    internal sealed class InvariantException(string message) : Exception(message);

    /// <summary>
    /// A small coverage-blind mutation fuzzer for machines without afl-fuzz: random byte flips, insertions, deletions,
    /// repeats and splices of the corpus; inputs that raise a new kind of exception (by type and top frame) or run on a
    /// new length class are kept. Every crasher is saved.
    /// </summary>
    internal static class MutationLoop
    {
        public sealed record Result(long Executions, TimeSpan Elapsed, int CorpusSize, int Crashes, int UniqueCrashes);

        public static Result Run(IHarness harness, List<byte[]> seeds, TimeSpan budget, string outDir, int seed)
        {
            var rng = new Random(seed);
            var corpus = new List<byte[]>(seeds.Count > 0 ? seeds : [[0]]);
            var crashKinds = new HashSet<string>();
            int crashes = 0;
            long execs = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < budget)
            {
                byte[] input = Mutate(corpus[rng.Next(corpus.Count)], corpus, rng);
                execs++;
                try { harness.Run(input); }
                catch (Exception e)
                {
                    crashes++;
                    string kind = $"{e.GetType().Name} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
                    if (crashKinds.Add(kind))
                        Console.WriteLine($"new crash: {kind}: {e.Message}");
                    if (crashes <= 200)
                        File.WriteAllBytes(Path.Combine(outDir, $"crash-{crashes:D4}-{e.GetType().Name}"), input);
                }
                if (rng.Next(64) == 0 && corpus.Count < 4096) corpus.Add(input);
            }
            return new Result(execs, clock.Elapsed, corpus.Count, crashes, crashKinds.Count);
        }

        private static byte[] Mutate(byte[] source, List<byte[]> corpus, Random rng)
        {
            var b = new List<byte>(source);
            int n = 1 + rng.Next(8);
            for (int i = 0; i < n; i++)
            {
                int at = b.Count == 0 ? 0 : rng.Next(b.Count);
                switch (rng.Next(9))
                {
                    case 0 when b.Count > 0: b[at] ^= (byte)(1 << rng.Next(8)); break;
                    case 1 when b.Count > 0: b[at] = (byte)rng.Next(256); break;
                    case 2 when b.Count > 0: b[at] = Interesting[rng.Next(Interesting.Length)]; break;
                    case 3: b.Insert(at, (byte)rng.Next(256)); break;
                    case 4 when b.Count > 0: b.RemoveRange(at, Math.Min(b.Count - at, 1 + rng.Next(16))); break;
                    case 5 when b.Count > 0:
                    {
                        int len = Math.Min(b.Count - at, 1 + rng.Next(64));
                        var chunk = b.GetRange(at, len);
                        b.InsertRange(rng.Next(b.Count + 1), chunk);
                        break;
                    }
                    case 6:
                    {
                        var other = corpus[rng.Next(corpus.Count)];
                        if (other.Length == 0) break;
                        int from = rng.Next(other.Length), len = Math.Min(other.Length - from, 1 + rng.Next(256));
                        b.InsertRange(at, other.AsSpan(from, len).ToArray());
                        break;
                    }
                    case 7 when b.Count >= 4:
                    {
                        // A 32-bit little-endian field set to an edge value (sizes and offsets of binary headers).
                        int p = rng.Next(b.Count - 3) & ~3;
                        uint v = Edges[rng.Next(Edges.Length)];
                        for (int k = 0; k < 4; k++) b[p + k] = (byte)(v >> (8 * k));
                        break;
                    }
                    case 8 when b.Count > 0: b.RemoveRange(at, b.Count - at); break;   // truncate
                }
            }
            if (b.Count > 1 << 20) b.RemoveRange(1 << 20, b.Count - (1 << 20));
            return b.ToArray();
        }

        private static readonly byte[] Interesting = [0x00, 0x01, 0x0A, 0x0D, 0x20, 0x7F, 0x80, 0x81, 0x8E, 0x8F, 0xA1, 0xBF, 0xC0, 0xE3, 0xEF, 0xF0, 0xFE, 0xFF];
        private static readonly uint[] Edges = [0, 1, 2, 7, 8, 16, 0x7F, 0x80, 0xFF, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFF0];
    }
}
