using Taiyaku.Pipeline;

namespace Taiyaku.Evaluation.Tests;

/// <summary>The public gold loader: a folder of triples read and checked, every fault named with its file and line.</summary>
public sealed class GoldCorpusTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("taiyaku-gold-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string ja, string en, string gold)
    {
        File.WriteAllText(Path.Combine(_dir, name + ".ja"), ja);
        File.WriteAllText(Path.Combine(_dir, name + ".en"), en);
        File.WriteAllText(Path.Combine(_dir, name + ".gold"), gold);
        return Path.Combine(_dir, name + ".gold");
    }

    [Fact]
    public async Task A_folder_is_read_in_name_order_with_its_links()
    {
        Write("b", "一。\n二。\n", "One.\nTwo.\n", "[0]:[0]\n\n[1]:[1]\n");
        Write("a", "一。\n", "One.\nExtra.\n", "[0]:[0]\n[]:[1]\n");
        var docs = await GoldCorpus.LoadAsync(_dir);
        Assert.Equal(["a", "b"], docs.Select(d => d.Name));
        Assert.Equal(["One.", "Extra."], docs[0].English);
        Assert.Equal(2, docs[1].Gold.Count);
        Assert.Empty(docs[0].Gold[1].Source);
    }

    [Theory]
    [InlineData("[0]:[0]\n[1]:[5]\n", 2, "points past the end of d.en (2 lines)")]
    [InlineData("[0]:[0]\n[0]:[1]\n", 2, "Japanese sentence 0 is already in the link on line 1")]
    [InlineData("[0]:[0]\nnot a link\n", 2, "")]
    [InlineData("[0]:[0]\n", 0, "Japanese sentence 1 (line 2 of d.ja) is in no link")]
    public async Task A_bad_gold_file_is_refused_naming_the_file_and_line(string gold, int line, string reason)
    {
        string path = Write("d", "一。\n二。\n", "One.\nTwo.\n", gold);
        var e = await Assert.ThrowsAsync<GoldFormatException>(() => GoldCorpus.LoadAsync(_dir));
        Assert.Equal(path, e.Path);
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Reason);
        Assert.StartsWith(line > 0 ? $"{path}:{line}: " : $"{path}: ", e.Message);
    }

    [Fact]
    public async Task Invalid_utf8_and_a_missing_side_name_their_file()
    {
        Write("d", "一。\n二。\n", "One.\nTwo.\n", "[0]:[0]\n[1]:[1]\n");
        File.WriteAllBytes(Path.Combine(_dir, "d.en"), [.. "One.\n"u8, 0xFF, .. "\n"u8]);
        var e = await Assert.ThrowsAsync<GoldFormatException>(() => GoldCorpus.LoadAsync(_dir));
        Assert.Equal((Path.Combine(_dir, "d.en"), 2), (e.Path, e.Line));
        Assert.Contains("invalid UTF-8", e.Reason);

        File.Delete(Path.Combine(_dir, "d.en"));
        e = await Assert.ThrowsAsync<GoldFormatException>(() => GoldCorpus.LoadAsync(_dir));
        Assert.Contains("has no English side", e.Reason);
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => GoldCorpus.LoadAsync(Path.Combine(_dir, "nope")));
    }

    [Fact]
    public void Fit_reports_each_trial_as_a_typed_value()
    {
        var doc = new GoldDocument("d", ["京都は古い都である。", "多くの寺がある。"], ["Kyoto is an old capital.", "It has many temples."],
            [new([0], [0]), new([1], [1])]);
        var seen = new List<FitTrial>();
        var fit = ParameterFitter.Fit([doc], new DocumentAlignerBuilder().UseAnchors(AnchorOptions.None).Build(), new SyncProgress(seen.Add));
        Assert.Equal(fit.Trials, seen);
        Assert.Matches(@"^s²=\d+\.\d\d λ=0 ν=0: strict F1 \d\.\d{4}, lax F1 \d\.\d{4}$", seen[0].ToString());
    }

    private sealed class SyncProgress(Action<FitTrial> report) : IProgress<FitTrial>
    {
        public void Report(FitTrial value) => report(value);
    }
}
