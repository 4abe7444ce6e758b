using System.Text;
using System.Text.Json;
using Taiyaku.Testing;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// align and align-batch share one job model (Jobs/AlignmentJob): the same pair gives the same links, texts, costs,
/// scores, offsets and set-apart text, whichever command aligned it and whichever way the pair was given.
/// </summary>
public class JobModelTests
{
    private static string Sample(string ext) => Path.Combine(RepositoryPaths.Root, "samples", "cable-1468." + ext);

    private static string Normalise(JsonElement link, string ja, string en, string jaText, string enText, string? jaOffsets, string? enOffsets) =>
        string.Join("|",
            JsonSerializer.Serialize(link.GetProperty(ja)), JsonSerializer.Serialize(link.GetProperty(en)),
            link.GetProperty(jaText).GetString(), link.GetProperty(enText).GetString(),
            link.GetProperty("cost").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            link.GetProperty("score").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            jaOffsets == null ? "" : JsonSerializer.Serialize(link.GetProperty(jaOffsets)),
            enOffsets == null ? "" : JsonSerializer.Serialize(link.GetProperty(enOffsets)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Align_and_align_batch_give_the_same_links(bool segmented)
    {
        string[] mode = segmented ? ["--segmented"] : [];
        var single = InProcess.Run(["align", "--src", Sample("ja"), "--tgt", Sample("en"), "--format", "json", "--quiet", .. mode]);
        Assert.Equal(0, single.Code);
        string files = JsonSerializer.Serialize(new { id = "files", src = Sample("ja"), tgt = Sample("en"), segmented });
        string inline = JsonSerializer.Serialize(new { id = "inline", ja = File.ReadAllText(Sample("ja")), en = File.ReadAllText(Sample("en")), segmented });
        var batch = InProcess.Run(Encoding.UTF8.GetBytes(files + "\n" + inline + "\n"), CancellationToken.None, "align-batch", "--quiet", "--threads", "2");
        Assert.Equal((0, ""), (batch.Code, batch.Err));

        using var doc = JsonDocument.Parse(single.Out);
        var expected = doc.RootElement.GetProperty("links").EnumerateArray()
            .Select(l => Normalise(l, "source", "target", "sourceText", "targetText", segmented ? null : "sourceOffsets", segmented ? null : "targetOffsets")).ToList();
        int unaligned = doc.RootElement.TryGetProperty("unaligned", out var u) ? u.GetArrayLength() : 0;
        Assert.NotEmpty(expected);
        foreach (var line in batch.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var record = JsonDocument.Parse(line);
            var links = record.RootElement.GetProperty("links").EnumerateArray()
                .Select(l => Normalise(l, "ja", "en", "ja_text", "en_text", segmented ? null : "ja_offsets", segmented ? null : "en_offsets")).ToList();
            Assert.Equal(expected, links);
            Assert.Equal(unaligned, record.RootElement.GetProperty("unaligned").GetArrayLength());
        }
    }
}
