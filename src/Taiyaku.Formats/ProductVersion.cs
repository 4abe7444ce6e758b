using System.Reflection;

namespace Taiyaku.Formats;

/// <summary>The version as packed (e.g. <c>0.1.0-alpha.1</c>): prerelease label kept, build metadata dropped.</summary>
internal static class ProductVersion
{
    /// <summary>The version of <paramref name="assembly"/>'s package.</summary>
    public static string Of(Assembly assembly)
    {
        string v = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        int plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? v : v[..plus];
    }

    /// <summary>This package's version (the tool's and the writers' are the same: one version for all packages).</summary>
    public static string Current { get; } = Of(typeof(ProductVersion).Assembly);
}
