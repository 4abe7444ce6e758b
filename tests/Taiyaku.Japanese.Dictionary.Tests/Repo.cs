using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>Finds ../shared next to the repository root (the folder with Alignment.sln).</summary>
internal static class Repo
{
    public static string? SharedDir() => Taiyaku.Testing.RepositoryPaths.Shared();
}
