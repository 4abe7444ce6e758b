using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, e.g. `dotnet run -c Release --project benchmarks/Taiyaku.Benchmarks -- --filter '*GaleChurch*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
