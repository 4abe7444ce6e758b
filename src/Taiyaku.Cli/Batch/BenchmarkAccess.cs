// The batch benchmark (benchmarks/Taiyaku.Benchmarks/BatchBenchmarks.cs) runs align-batch in-process, without the
// cost of starting a process, through the internal command classes.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Taiyaku.Benchmarks")]
// The manifest fuzzing harness (fuzz/Taiyaku.Fuzzing/ManifestHarness.cs) does the same.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Taiyaku.Fuzzing")]
