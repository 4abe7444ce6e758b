using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>Real MeCab tools, when installed (Debian: mecab, mecab-utils, mecab-ipadic-utf8).</summary>
internal static class Mecab
{
    static Mecab() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string? Binary { get; } = FindOnPath("mecab");

    public static string? DictIndex { get; } =
        new[] { "/usr/lib/mecab/mecab-dict-index", "/usr/libexec/mecab/mecab-dict-index", "/usr/lib/x86_64-linux-gnu/mecab/mecab-dict-index" }
            .FirstOrDefault(File.Exists);

    public const string DebianIpadicUtf8 = "/var/lib/mecab/dic/ipadic-utf8";

    public const string DebianIpadicSources = "/usr/share/mecab/dic/ipadic";

    public static bool HasDebianIpadic => File.Exists(Path.Combine(DebianIpadicUtf8, "sys.dic"));

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Runs mecab with <paramref name="args"/> over UTF-8 <paramref name="input"/>; returns stdout.</summary>
    public static string Run(string input, params string[] args) => RunProcess(Binary!, args, input);

    /// <summary>Runs mecab with <paramref name="args"/>; returns stdout's bytes.</summary>
    public static byte[] RunBytes(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(Binary!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"mecab failed ({p.ExitCode}): {stderr.Result}");
        return ms.ToArray();
    }

    public static string RunProcess(string file, IEnumerable<string> args, string? input = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (input is not null) p.StandardInput.Write(input);
        p.StandardInput.Close();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({p.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}
