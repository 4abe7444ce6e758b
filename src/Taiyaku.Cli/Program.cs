using Taiyaku.Cli;
using Taiyaku.Cli.Commands;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var stdin = Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();
return Tool.Run(args, new CliContext(stdin, stdout, Console.Error, cancel.Token));
