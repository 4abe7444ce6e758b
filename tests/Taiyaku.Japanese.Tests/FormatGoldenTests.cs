using System.Text;

namespace Taiyaku.Japanese.Tests;

/// <summary>
/// mecab's output-format language, dicrc formats, N-best and all-morphs against committed golden files made by the
/// real mecab with IPADIC (Golden/regenerate.sh: formats.args, formats-sample.txt, formats-N.mecab.gz; for partial
/// parsing partial.args, partial-sample.txt, partial-N.mecab.gz).
/// </summary>
[Collection("dictionary")]
public sealed class FormatGoldenTests(DictionaryFixture fixture)
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Golden, "formats.args"));
        for (int i = 0; i < lines.Length; i++)
            if (lines[i].Length > 0) data.Add(i + 1, lines[i]);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Output_is_byte_identical_to_mecab(int number, string args)
    {
        var dic = fixture.Require();
        var options = MecabOptionsParser.Parse(args.Split('\t'));
        var writer = new MecabOutputWriter(new AnalyzerSession(dic), options);
        using var output = new MemoryStream();
        writer.Process(new MemoryStream(TestPaths.ReadGolden("formats-sample.txt")), output);
        GoldenTests.AssertSameBytes(TestPaths.ReadGolden($"formats-{number}.mecab.gz"), output.ToArray(), $"formats-{number} ({args})");
    }

    public static TheoryData<int, string> PartialCases()
    {
        var data = new TheoryData<int, string>();
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Golden, "partial.args"));
        for (int i = 0; i < lines.Length; i++)
            if (lines[i].Length > 0) data.Add(i + 1, lines[i]);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(PartialCases))]
    public void Partial_parsing_is_byte_identical_to_mecab(int number, string args)
    {
        var dic = fixture.Require();
        var options = MecabOptionsParser.Parse(args.Split('\t'));
        var writer = new MecabOutputWriter(new AnalyzerSession(dic), options);
        using var output = new MemoryStream();
        writer.Process(new MemoryStream(TestPaths.ReadGolden("partial-sample.txt")), output);
        GoldenTests.AssertSameBytes(TestPaths.ReadGolden($"partial-{number}.mecab.gz"), output.ToArray(), $"partial-{number} ({args})");
    }

    [SkippableFact]
    public void Format_type_of_the_dicrc_applies_unless_overridden_and_unknown_types_are_refused()
    {
        var dic = fixture.Require();
        Assert.Throws<FormatException>(() => new MecabOutputWriter(new AnalyzerSession(dic), new MecabOutputOptions { OutputFormatType = "nosuch" }));
        Assert.Throws<FormatException>(() => new MecabOutputWriter(new AnalyzerSession(dic), new MecabOutputOptions { NodeFormat = "%q" }));
        Assert.Throws<FormatException>(() => new MecabOutputWriter(new AnalyzerSession(dic), new MecabOutputOptions { NodeFormat = "%f[1" }));
        Assert.Throws<FormatException>(() => new MecabOutputWriter(new AnalyzerSession(dic), new MecabOutputOptions { NBest = 513 }));
        // -F counts only without a format type, as in mecab: with -Owakati the node format is not used.
        var writer = new MecabOutputWriter(new AnalyzerSession(dic), new MecabOutputOptions { OutputFormatType = "wakati", NodeFormat = "%m!" });
        using var output = new MemoryStream();
        writer.Process(new MemoryStream("東京に行く\n"u8.ToArray()), output);
        Assert.Equal("東京 に 行く \n", Encoding.UTF8.GetString(output.ToArray()));
    }
}
