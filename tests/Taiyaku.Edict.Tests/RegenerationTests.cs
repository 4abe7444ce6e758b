using System.IO.Compression;
using Taiyaku.Testing;

namespace Taiyaku.Edict.Tests;

/// <summary>
/// The committed <c>edict-lexicon.tsv.gz</c> is what the converter makes of Debian's EDICT (package <c>edict</c>), and
/// the embedded image is its compiled form.
/// Skipped where that package is not installed.
/// </summary>
public class RegenerationTests
{
    /// <summary>Where Debian's edict package installs the dictionary; overridable for regenerate.sh.</summary>
    private static string SourcePath =>
        Environment.GetEnvironmentVariable("TAIYAKU_EDICT_SOURCE") is { Length: > 0 } s ? s : "/usr/share/edict/edict";

    private static string CommittedPath => Path.Combine(RepositoryPaths.Root, "src", "Taiyaku.Edict", "edict-lexicon.tsv.gz");

    private static byte[] Decompress(Stream gz)
    {
        using var g = new GZipStream(gz, CompressionMode.Decompress);
        using var m = new MemoryStream();
        g.CopyTo(m);
        return m.ToArray();
    }

    private static byte[] ConvertSource()
    {
        using var source = File.OpenRead(SourcePath);
        using var tsv = new MemoryStream();
        using (var writer = new StreamWriter(tsv, new System.Text.UTF8Encoding(false), leaveOpen: true))
            EdictConverter.Convert(source, writer);
        return tsv.ToArray();
    }

    /// <summary>
    /// Compares the text, not the gzip bytes: the compressed bytes may differ between zlib versions, the content may not.
    /// </summary>
    [SkippableFact]
    public void Committed_and_embedded_files_equal_a_fresh_conversion_of_the_debian_file()
    {
        Skip.IfNot(File.Exists(SourcePath), $"{SourcePath} is not installed (apt-get install edict)");
        byte[] fresh = ConvertSource();
        Assert.Equal(fresh, ConvertSource());   // deterministic on the real data

        byte[] committed;
        using (var f = File.OpenRead(CommittedPath)) committed = Decompress(f);
        Assert.True(fresh.AsSpan().SequenceEqual(committed),
            $"{CommittedPath} is stale: run src/Taiyaku.Edict/regenerate.sh ({fresh.Length} vs {committed.Length} bytes)");

        // The build compiles the text into the embedded image; it must be the image of the fresh conversion.
        byte[] image = LexiconImageWriter.Write(LexiconTsv.Parse(System.Text.Encoding.UTF8.GetString(fresh), normalizeKey: null));
        using var embedded = typeof(EdictLexicon).Assembly.GetManifestResourceStream(EdictLexicon.ResourceName)!;
        var bytes = new MemoryStream();
        embedded.CopyTo(bytes);
        Assert.True(image.AsSpan().SequenceEqual(bytes.ToArray()), "the embedded image differs: rebuild");
    }

    /// <summary>Writes the file; run by regenerate.sh (which sets TAIYAKU_EDICT_WRITE), skipped otherwise.</summary>
    [SkippableFact]
    public void Regenerate_the_committed_lexicon()
    {
        string? target = Environment.GetEnvironmentVariable("TAIYAKU_EDICT_WRITE");
        Skip.If(string.IsNullOrEmpty(target), "set TAIYAKU_EDICT_WRITE (see src/Taiyaku.Edict/regenerate.sh)");
        Skip.IfNot(File.Exists(SourcePath), $"{SourcePath} is not installed (apt-get install edict)");
        string temp = target + ".tmp";
        using (var source = File.OpenRead(SourcePath))
        using (var output = File.Create(temp))
            EdictConverter.ConvertCompressed(source, output);
        File.Move(temp, target, overwrite: true);
    }
}
