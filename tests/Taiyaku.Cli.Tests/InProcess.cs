using System.Text;

namespace Taiyaku.Cli.Tests;

/// <summary>In-process runs of the tool, with the exit codes and messages the real tool gives.</summary>
internal static class InProcess
{
    public static (int Code, string Out, string Err) Run(params string[] args) => Run([], CancellationToken.None, args);

    public static (int Code, string Out, string Err) Run(byte[] stdin, CancellationToken ct, params string[] args)
    {
        var output = new MemoryStream();
        var err = new StringWriter();
        int code = Tool.Run(args, new CliContext(new MemoryStream(stdin), output, err, ct));
        return (code, Encoding.UTF8.GetString(output.ToArray()), err.ToString());
    }

    public static string Samples(string name) => Path.Combine(ToolProcess.RepoRoot(), "samples", name);

    public static string Fixture(string name) => Path.Combine(ToolProcess.RepoRoot(), "tests", "Taiyaku.Formats.Tests", "Fixtures", "Encodings", name);
}
