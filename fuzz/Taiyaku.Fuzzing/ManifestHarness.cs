using System.Text;
using System.Text.Json;
using Taiyaku.Cli;

namespace Taiyaku.Fuzzing;

/// <summary>
/// Batch manifests (<c>taiyaku align-batch</c>): the bytes are the manifest on stdin of the command itself, run in
/// process (one thread, length-only alignment) in a folder holding two small documents (<c>a.ja</c>, <c>a.en</c>,
/// <c>b.txt</c>). The command must return 0 or 1 and never throw; its output must be one JSON object per non-blank
/// manifest line, in order, each with an "id", and exit 1 exactly when a record holds an "error" (or the manifest could
/// not be read, with a message on stderr). Inputs naming /dev, /proc or /sys are skipped: a device can block a read for
/// ever, which is not the manifest's fault.
/// </summary>
internal sealed class ManifestHarness : IHarness
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        string dir = Directory.CreateTempSubdirectory("taiyaku-fuzz-manifest-").FullName;
        File.WriteAllText(Path.Combine(dir, "a.ja"), "京都は日本の古い都である。\n多くの寺がある。\n");
        File.WriteAllText(Path.Combine(dir, "a.en"), "Kyoto is an old capital of Japan.\nThere are many temples.\n");
        File.WriteAllText(Path.Combine(dir, "b.txt"), "極秘\n京都は古い都である。\nKyoto is an old capital.\n");
        Directory.SetCurrentDirectory(dir);
        return dir;
    });

    public IEnumerable<byte[]> Seeds()
    {
        yield return """
            {"id": "files", "src": "a.ja", "tgt": "a.en", "segmented": true}
            {"id": 7, "ja": "会議は延期された。", "en": "The meeting was postponed."}
            {"bilingual": "b.txt"}

            {"id": "raw", "src": "a.ja", "tgt": "a.en"}
            """u8.ToArray();
        yield return "{\"id\":\"dup\",\"ja\":\"一。\",\"en\":\"One.\",\"en\":\"Two.\"}\n{\"ja\":\"一。\\n二。\",\"en\":\"x\"}\r\n"u8.ToArray();
        yield return "\xEF\xBB\xBF{\"id\":null,\"src\":\"missing.ja\",\"tgt\":\"a.en\"}\n[1,2]\n{\"segmented\":\"yes\"}\nnot json\n"u8.ToArray();
    }

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IndexOf("/dev"u8) >= 0 || input.IndexOf("/proc"u8) >= 0 || input.IndexOf("/sys"u8) >= 0) return;
        _ = Folder.Value;
        var output = new MemoryStream();
        var err = new StringWriter();
        int code = Tool.Run(["align-batch", "--threads", "1", "--anchors", "none", "--quiet"],
            new CliContext(new MemoryStream(input.ToArray()), output, err, CancellationToken.None));
        if (code is not (0 or 1)) throw new InvariantException($"exit {code}: {err}");
        string stderr = err.ToString();
        if (code == 1 && stderr.Length > 0)
        {
            // The manifest itself could not be read (a line over the limit): one message naming it, nothing else.
            if (!stderr.StartsWith("taiyaku align-batch: <stdin>", StringComparison.Ordinal)) throw new InvariantException("unexpected stderr: " + stderr);
            return;
        }
        if (stderr.Length > 0) throw new InvariantException("stderr with --quiet: " + stderr);
        var records = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        if (records[^1].Length != 0) throw new InvariantException("output does not end in a line break");
        int expected = 0;
        foreach (var line in Lines(input))
            if (!line.Trim(" \t"u8).IsEmpty) expected++;
        if (records.Length - 1 != expected) throw new InvariantException($"{records.Length - 1} records for {expected} manifest lines");
        bool failed = false;
        foreach (var r in records[..^1])
        {
            using var doc = JsonDocument.Parse(r);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("id", out _))
                throw new InvariantException("record without an id: " + r);
            failed |= doc.RootElement.TryGetProperty("error", out _);
        }
        if (failed != (code == 1)) throw new InvariantException($"exit {code} but {(failed ? "an" : "no")} error record");
    }

    /// <summary>Manifest lines as the command splits them: \n or \r\n ends a line, a final line without one counts, a
    /// byte-order mark at the start is skipped.</summary>
    private static List<byte[]> Lines(ReadOnlySpan<byte> input)
    {
        var lines = new List<byte[]>();
        bool first = true;
        while (!input.IsEmpty)
        {
            int nl = input.IndexOf((byte)'\n');
            var line = nl < 0 ? input : input[..nl];
            if (first && line.StartsWith("\xEF\xBB\xBF"u8)) line = line[3..];
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
            lines.Add(line.ToArray());
            first = false;
            if (nl < 0) break;
            input = input[(nl + 1)..];
        }
        return lines;
    }
}
