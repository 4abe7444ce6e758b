using System.Buffers.Binary;
using Taiyaku.Japanese;

namespace Taiyaku.Japanese.Tests;

/// <summary>
/// Runs alone (no other test opens files meanwhile), so that counting the process's file descriptors is meaningful.
/// The dictionaries are copies in a temporary folder, so that /proc/self/maps and /proc/self/fd can be searched for it.
/// </summary>
[Collection(nameof(ResourceTests))]
public sealed class ResourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("taiyaku-res-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    private static string Source()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "reads /proc/self");
        return TestPaths.Dictionary!;
    }

    /// <summary>A copy of the whole dictionary.</summary>
    private string FullCopy(string name)
    {
        string dir = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
        foreach (string f in new[] { "sys.dic", "matrix.bin", "char.bin", "unk.dic", "dicrc" })
            File.Copy(Path.Combine(Source(), f), Path.Combine(dir, f));
        return dir;
    }

    /// <summary>
    /// A small dictionary: the real char.bin, matrix.bin, unk.dic and dicrc, and as sys.dic the unknown-word lexicon
    /// marked as a system dictionary (type 0) — a valid lexicon of a few dozen entries, cheap to open.
    /// </summary>
    private string SmallCopy(string name)
    {
        string dir = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
        foreach (string f in new[] { "matrix.bin", "char.bin", "unk.dic", "dicrc" })
            File.Copy(Path.Combine(Source(), f), Path.Combine(dir, f));
        byte[] sys = File.ReadAllBytes(Path.Combine(dir, "unk.dic"));
        BinaryPrimitives.WriteUInt32LittleEndian(sys.AsSpan(8), 0);
        File.WriteAllBytes(Path.Combine(dir, "sys.dic"), sys);
        return dir;
    }

    private static int MapsInto(string dir) =>
        File.ReadAllLines("/proc/self/maps").Count(l => l.Contains(dir, StringComparison.Ordinal));

    private static string[] OpenFiles()
    {
        var targets = new List<string>();
        foreach (string fd in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            try { targets.Add(new FileInfo(fd).LinkTarget ?? ""); }
            catch (IOException) { }   // closed between listing and reading
        }
        return targets.ToArray();
    }

    private static int FilesInto(string dir) => OpenFiles().Count(t => t.StartsWith(dir, StringComparison.Ordinal));

    [SkippableFact]
    public void Dispose_unmaps_every_dictionary_file()
    {
        string dir = FullCopy("full");
        var analyzer = MorphologicalAnalyzer.Open(dir);
        Assert.NotEmpty(analyzer.Analyze("日本の減税である。"));
        Assert.True(MapsInto(dir) >= 3, "sys.dic, matrix.bin and unk.dic are mapped while open");
        analyzer.Dispose();
        Assert.Equal(0, MapsInto(dir));
        Assert.Equal(0, FilesInto(dir));
        // Nothing holds the files: they can be replaced and deleted.
        File.Move(Path.Combine(dir, "sys.dic"), Path.Combine(dir, "sys.dic.old"));
        Directory.Delete(dir, recursive: true);
        Assert.Throws<ObjectDisposedException>(() => analyzer.Analyze("日本"));
    }

    [SkippableFact]
    public void Ten_thousand_opens_and_disposes_leak_no_file_handle_or_map()
    {
        string dir = SmallCopy("small");
        using (var probe = MorphologicalAnalyzer.Open(dir))
            Assert.NotEmpty(probe.Analyze("日本"));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        int before = OpenFiles().Length;
        for (int i = 0; i < 10_000; i++)
        {
            using var analyzer = MorphologicalAnalyzer.Open(dir);
            if (i % 1000 == 0) Assert.NotEmpty(analyzer.Analyze("東京"));
        }
        // Without collecting: dispose alone must have released everything.
        Assert.Equal(0, FilesInto(dir));
        Assert.Equal(0, MapsInto(dir));
        int after = OpenFiles().Length;
        Assert.True(after - before <= 4, $"{after - before} more file descriptors after 10,000 opens ({before} before)");
    }

    [SkippableFact]
    public void Failed_opens_release_what_they_had_opened()
    {
        string dir = SmallCopy("broken");
        string unk = Path.Combine(dir, "unk.dic");
        byte[] good = File.ReadAllBytes(unk);
        byte[] badType = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(badType.AsSpan(8), 1);
        byte[] truncated = good[..(good.Length / 2)];
        // unk.dic is opened after matrix.bin, char.bin and sys.dic: each failure must close those three again.
        foreach (byte[] broken in new[] { badType, truncated, new byte[10] })
        {
            File.WriteAllBytes(unk, broken);
            for (int i = 0; i < 300; i++)
                Assert.Throws<DictionaryFormatException>(() => MorphologicalAnalyzer.Open(dir));
        }
        Assert.Equal(0, FilesInto(dir));
        Assert.Equal(0, MapsInto(dir));
    }
}
