using System.Diagnostics;
using System.Text;

namespace Taiyaku.Cli.Tests;

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("taiyaku-cli-").FullName;

    public string File(string name, string? text = null)
    {
        string p = System.IO.Path.Combine(Path, name);
        if (text != null) System.IO.File.WriteAllText(p, text, new UTF8Encoding(false));
        return p;
    }

    public string File(string name, byte[] bytes)
    {
        string p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(p, bytes);
        return p;
    }

    public void Dispose() => Directory.Delete(Path, true);
}
