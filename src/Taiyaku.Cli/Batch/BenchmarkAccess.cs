// The batch benchmark (benchmarks/Taiyaku.Benchmarks/BatchBenchmarks.cs) runs align-batch in-process, without the
// cost of starting a process, through the internal command classes.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Taiyaku.Benchmarks")]
