namespace Taiyaku.Cli.Tests;

public class EvalCommandTests
{
    [Fact]
    public void Scores_one_pair()
    {
        using var dir = new TempDir();
        // The hand-computed case of the scorer tests: strict P 2/6, R 1/3; lax P 4/6, R 1.
        string gold = dir.File("g", "[0]:[0]\n[1, 2]:[1]\n[3]:[2, 3]\n[4]:[]\n");
        string test = dir.File("t", "[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2]\n[]:[3]\n[4]:[]\n");
        var r = ToolProcess.Run("eval", "--gold", gold, "--test", test);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("strict_p=0.3333 strict_r=0.3333 strict_f1=0.3333 lax_p=0.6667 lax_r=1.0000 lax_f1=0.8000\n", r.StdOut);
    }

    [Fact]
    public void Pools_folder_pairs_matched_by_name()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "gold"));
        Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "test"));
        dir.File("gold/a.gold", "[0]:[0]\n");
        dir.File("gold/b.gold", "[0]:[0]\n[1]:[1]\n[2]:[2]\n");
        dir.File("test/a.links", "[0]:[0]\n");
        dir.File("test/b.gold", "[0, 1]:[0, 1]\n[2]:[2]\n");
        var r = ToolProcess.Run("eval", "--gold-dir", System.IO.Path.Combine(dir.Path, "gold"), "--test-dir", System.IO.Path.Combine(dir.Path, "test"));
        Assert.Equal(0, r.ExitCode);
        // Pooled: precision 2 of 3 test links strict; recall 2 of 4 gold links strict; every link is a lax hit.
        Assert.Equal("strict_p=0.6667 strict_r=0.5000 strict_f1=0.5714 lax_p=1.0000 lax_r=1.0000 lax_f1=1.0000\n", r.StdOut);
    }

    [Fact]
    public void Malformed_link_names_file_and_line()
    {
        using var dir = new TempDir();
        var r = ToolProcess.Run("eval", "--gold", dir.File("g.gold", "[0]:[0]\n[1]:[1\n"), "--test", dir.File("t", "[0]:[0]\n"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("g.gold:2:", r.StdErr);
    }

    [Fact]
    public void Missing_test_file_in_folder_is_an_input_error()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "gold"));
        Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "test"));
        dir.File("gold/a.gold", "[0]:[0]\n");
        var r = ToolProcess.Run("eval", "--gold-dir", System.IO.Path.Combine(dir.Path, "gold"), "--test-dir", System.IO.Path.Combine(dir.Path, "test"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("a.gold", r.StdErr);
    }

    [Fact]
    public void Files_and_folders_together_is_a_usage_error()
    {
        var r = ToolProcess.Run("eval", "--gold", "a", "--test-dir", "b");
        Assert.Equal(2, r.ExitCode);
    }
}
