using System.Text;

namespace Taiyaku.Cli.Tests;

public class DictCommandTests
{
    private const string Name = "多々良木蓮太郎";
    private const string Entry = Name + ",1289,1289,3000,名詞,固有名詞,人名,一般,*,*," + Name + ",タタラギレンタロウ,タタラギレンタロウ\n";

    [Fact]
    public void User_dictionary_makes_an_unknown_name_one_word()
    {
        using var dir = new TempDir();
        string csv = dir.File("names.csv", Entry);
        string dic = System.IO.Path.Combine(dir.Path, "names.dic");
        var compiled = ToolProcess.Run("dict", "--user", csv, "--out", dic);
        Assert.Equal(0, compiled.ExitCode);
        Assert.True(File.Exists(dic));

        byte[] input = Encoding.UTF8.GetBytes(Name + "が来た\n");
        var without = ToolProcess.Run(input, "tokenize", "--lang", "ja");
        Assert.Equal(0, without.ExitCode);
        Assert.DoesNotContain(Name + "\t", without.StdOut);

        var with = ToolProcess.Run(input, "tokenize", "--lang", "ja", "--userdic", dic);
        Assert.Equal(0, with.ExitCode);
        // The first line is the entry of our CSV, word for word.
        Assert.Equal(Name + "\t名詞,固有名詞,人名,一般,*,*," + Name + ",タタラギレンタロウ,タタラギレンタロウ", with.StdOut.Split('\n')[0]);
    }

    [Fact]
    public void Progress_counts_the_entries_and_lines_of_each_csv_and_quiet_is_silent()
    {
        using var dir = new TempDir();
        // Three entries, an empty line (skipped, as mecab-dict-index skips it), four lines.
        string csv = dir.File("names.csv", Entry + "\n" + Entry.Replace("多々良", "多田良", StringComparison.Ordinal) + Entry.Replace("多々良", "田多良", StringComparison.Ordinal));
        string dic = System.IO.Path.Combine(dir.Path, "names.dic");
        // No periodic line (every 15 s by default), which a loaded machine could add to the two expected.
        var r = ToolProcess.RunWithEnvironment(new Dictionary<string, string> { [ProgressReporter.IntervalVariable] = "3600" }, "dict", "--user", csv, "--out", dic);
        Assert.Equal(0, r.ExitCode);
        // Without a terminal: plain lines, no bar.
        Assert.DoesNotContain("\u001b", r.StdErr, StringComparison.Ordinal);
        Assert.Equal(
            [$"taiyaku dict: read names.csv: 3 entries in 4 lines (1/1 files)", $"taiyaku: 3 entries written to {dic}"],
            r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var quiet = ToolProcess.Run("dict", "--user", csv, "--out", dic + "2", "--quiet");
        Assert.Equal((0, $"taiyaku: 3 entries written to {dic}2\n"), (quiet.ExitCode, quiet.StdErr));
    }

    [Fact]
    public void Malformed_csv_names_file_and_line_and_writes_nothing()
    {
        using var dir = new TempDir();
        string csv = dir.File("bad.csv", Entry + "壊れた,1291,1291\n");
        string dic = System.IO.Path.Combine(dir.Path, "bad.dic");
        var r = ToolProcess.Run("dict", "--user", csv, "--out", dic);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("bad.csv", r.StdErr);
        Assert.Contains("2", r.StdErr);
        Assert.False(File.Exists(dic));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
