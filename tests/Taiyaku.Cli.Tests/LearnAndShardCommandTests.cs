using System.Text;
using System.Text.Json;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// <c>learn</c> (a corpus-level model, learned on shards and merged), <c>--model</c> on align-batch and
/// <c>align-batch --shard K/N</c> (every N-th line, atomic per-task output that a re-run replaces).
/// </summary>
public sealed class LearnAndShardCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("taiyaku-learn-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new MemoryStream();
        var err = new StringWriter();
        int code = Tool.Run(args, new CliContext(new MemoryStream(), output, err, CancellationToken.None));
        return (code, Encoding.UTF8.GetString(output.ToArray()), err.ToString());
    }

    private string P(string name) => Path.Combine(_dir, name);

    /// <summary>A manifest of eight documents cut from the sample cable (segmented files), with a blank line inside.</summary>
    private string Manifest()
    {
        string sample = Path.Combine(ToolProcess.RepoRoot(), "samples", "cable-1468.");
        var ja = File.ReadAllLines(sample + "ja");
        var en = File.ReadAllLines(sample + "en");
        var lines = new List<string>();
        for (int k = 0; k < 8; k++)
        {
            File.WriteAllLines(P($"d{k}.ja"), ja[(k * ja.Length / 8)..((k + 1) * ja.Length / 8)]);
            File.WriteAllLines(P($"d{k}.en"), en[(k * en.Length / 8)..((k + 1) * en.Length / 8)]);
            lines.Add(JsonSerializer.Serialize(new { id = $"d{k}", src = $"d{k}.ja", tgt = $"d{k}.en", segmented = true }));
            if (k == 4) lines.Add("");
        }
        File.WriteAllText(P("m.jsonl"), string.Join("\n", lines) + "\n");
        return P("m.jsonl");
    }

    [Fact]
    public void Learn_on_shards_then_merge_writes_the_bytes_of_one_learn_over_the_whole_manifest()
    {
        string m = Manifest();
        Assert.Equal(0, Run("learn", "--manifest", m, "--out", P("all.bin"), "--quiet").Code);
        for (int k = 0; k < 3; k++)
            Assert.Equal(0, Run("learn", "--manifest", m, "--shard", $"{k}/3", "--out", P($"s{k}.bin"), "--quiet").Code);
        var (code, _, err) = Run("learn", "--merge", P("s2.bin"), P("s0.bin"), P("s1.bin"), "--out", P("merged.bin"));
        Assert.Equal(0, code);
        Assert.Contains("merged 3 files: 8 documents", err);
        Assert.Equal(File.ReadAllBytes(P("all.bin")), File.ReadAllBytes(P("merged.bin")));
        Assert.NotEqual(File.ReadAllBytes(P("all.bin")), File.ReadAllBytes(P("s0.bin")));
    }

    [Fact]
    public void Shards_take_every_nth_line_and_together_give_the_whole_batch_in_order()
    {
        string m = Manifest();
        Assert.Equal(0, Run("learn", "--manifest", m, "--out", P("model.bin"), "--quiet").Code);
        var (code, whole, _) = Run("align-batch", "--manifest", m, "--model", P("model.bin"), "--quiet");
        Assert.Equal(0, code);
        var wholeLines = whole.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(8, wholeLines.Length);
        var shards = new List<string[]>();
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(0, Run("align-batch", "--manifest", m, "--model", P("model.bin"), "--shard", $"{k}/3", "--out", P($"out-{k}.jsonl"), "--quiet").Code);
            shards.Add(File.ReadAllLines(P($"out-{k}.jsonl")));
        }
        // Manifest lines 1..9 (line 6 is blank): shard k holds lines whose 0-based index is k mod 3.
        Assert.Equal(["d0", "d3", "d5"], shards[0].Select(Id));
        Assert.Equal(["d1", "d4", "d6"], shards[1].Select(Id));
        Assert.Equal(["d2", "d7"], shards[2].Select(Id));   // the blank line 6 is index 5: shard 2, no record
        // Gathered in manifest order, the shards are the whole output, byte for byte.
        var next = new int[3];
        var gathered = new List<string>();
        var manifestLines = File.ReadAllLines(m);
        for (int i = 0; i < manifestLines.Length; i++)
            if (manifestLines[i].Trim().Length > 0) gathered.Add(shards[i % 3][next[i % 3]++]);
        Assert.Equal(wholeLines, gathered);
    }

    private static string Id(string record) => JsonDocument.Parse(record).RootElement.GetProperty("id").GetString()!;

    [Fact]
    public void A_rerun_task_replaces_its_shard()
    {
        string m = Manifest();
        File.WriteAllText(P("out.jsonl"), "{\"stale\":true}\n");
        Assert.Equal(0, Run("align-batch", "--manifest", m, "--shard", "0/4", "--out", P("out.jsonl"), "--quiet").Code);
        var first = File.ReadAllText(P("out.jsonl"));
        Assert.DoesNotContain("stale", first);
        Assert.Equal(0, Run("align-batch", "--manifest", m, "--shard", "0/4", "--out", P("out.jsonl"), "--quiet").Code);
        Assert.Equal(first, File.ReadAllText(P("out.jsonl")));
        Assert.Equal(["d0", "d4", "d7"], File.ReadAllLines(P("out.jsonl")).Select(Id));
        Assert.Empty(Directory.GetFiles(_dir, ".*.tmp"));
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void A_bad_shard_is_a_usage_error(string shard)
    {
        var (code, _, err) = Run("align-batch", "--manifest", Manifest(), "--shard", shard);
        Assert.Equal(2, code);
        Assert.Contains("--shard", err);
    }

    [Fact]
    public void A_damaged_or_foreign_model_is_refused_naming_the_file_and_nothing_is_written()
    {
        string m = Manifest();
        Assert.Equal(0, Run("learn", "--manifest", m, "--out", P("model.bin"), "--quiet").Code);
        var bytes = File.ReadAllBytes(P("model.bin"));
        bytes[^3] ^= 1;
        File.WriteAllBytes(P("damaged.bin"), bytes);
        var (code, _, err) = Run("align-batch", "--manifest", m, "--model", P("damaged.bin"), "--out", P("out.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains($"{P("damaged.bin")}: damaged translation model (checksum mismatch)", err);
        Assert.False(File.Exists(P("out.jsonl")));

        (code, _, err) = Run("learn", "--merge", P("model.bin"), m, "--out", P("merged.bin"));
        Assert.Equal(1, code);
        Assert.Contains($"{m}: not a taiyaku translation model", err);
        Assert.False(File.Exists(P("merged.bin")));
    }

    [Fact]
    public void A_model_learned_with_other_aligner_options_is_refused_naming_the_file_and_the_option()
    {
        string m = Manifest();
        Assert.Equal(0, Run("learn", "--manifest", m, "--out", P("default.bin"), "--quiet").Code);
        Assert.Equal(0, Run("learn", "--manifest", m, "--params", "complete", "--out", P("complete.bin"), "--quiet").Code);
        // The same options: accepted.
        Assert.Equal(0, Run("align-batch", "--manifest", m, "--params", "complete", "--model", P("complete.bin"), "--out", P("ok.jsonl"), "--quiet").Code);

        var (code, _, err) = Run("align-batch", "--manifest", m, "--params", "complete", "--model", P("default.bin"), "--out", P("out.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains($"{P("default.bin")}: learned with other aligner options than this alignment's (variance=", err);
        Assert.False(File.Exists(P("out.jsonl")));
        (code, _, err) = Run("align", "--src", P("d0.ja"), "--tgt", P("d0.en"), "--segmented", "--line-breaks", "paragraph", "--model", P("default.bin"));
        Assert.Equal(1, code);
        Assert.Contains("(segmentation=Auto/", err);

        (code, _, err) = Run("learn", "--merge", P("default.bin"), P("complete.bin"), "--out", P("merged.bin"));
        Assert.Equal(1, code);
        Assert.Contains($"{P("complete.bin")}: learned with other aligner options than '{P("default.bin")}'", err);
        Assert.False(File.Exists(P("merged.bin")));
    }

    [Fact]
    public void Learn_stops_at_a_bad_manifest_line_naming_it_and_writes_nothing()
    {
        string m = Manifest();
        File.AppendAllText(m, "{\"src\": \"missing.ja\", \"tgt\": \"d0.en\", \"segmented\": true}\n{\"bogus\": 1}\n");
        var (code, _, err) = Run("learn", "--manifest", m, "--out", P("model.bin"), "--quiet");
        Assert.Equal(1, code);
        Assert.Contains("missing.ja", err);
        Assert.False(File.Exists(P("model.bin")));
    }

    [Fact]
    public void Learn_refuses_mixed_or_missing_modes()
    {
        Assert.Equal(2, Run("learn", "--out", P("x.bin")).Code);
        Assert.Equal(2, Run("learn", "--manifest", Manifest(), "--merge", P("a.bin"), "--out", P("x.bin")).Code);
        Assert.Equal(2, Run("learn", "--merge", P("a.bin"), "--anchors", "none", "--out", P("x.bin")).Code);
        Assert.Equal(2, Run("align-batch", "--manifest", Manifest(), "--model", P("a.bin"), "--anchors", "numbers").Code);
    }
}
