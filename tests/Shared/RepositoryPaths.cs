namespace Taiyaku.Testing;

/// <summary>
/// Where the repository and the read-only ../shared material are, for every test project (linked into each).
/// Tests that need ../shared skip or narrow themselves when it is absent.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding Alignment.sln, above the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under ../shared beside the repository, or null when it (or ../shared) is not there.</summary>
    public static string? Shared(string relative = "")
    {
        string p = Path.GetFullPath(Path.Combine(Root, "..", "shared", relative));
        return File.Exists(p) || Directory.Exists(p) ? p : null;
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Alignment.sln"))) return d.FullName;
        throw new InvalidOperationException("cannot find the repository root (Alignment.sln) above " + AppContext.BaseDirectory);
    }
}
