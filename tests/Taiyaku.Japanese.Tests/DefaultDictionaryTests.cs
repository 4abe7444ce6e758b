using Taiyaku.Japanese.Ipadic;

namespace Taiyaku.Japanese.Tests;

/// <summary>Japanese works with zero configuration: the IPADIC compiled at build time is the default dictionary.</summary>
public class DefaultDictionaryTests
{
    [Fact]
    public void Shipped_ipadic_is_built_next_to_the_assemblies() =>
        Assert.True(IpadicDictionary.IsAvailable, $"no sys.dic in {IpadicDictionary.DirectoryPath}");

    [Fact]
    public void Without_mecabrc_the_shipped_ipadic_is_chosen()
    {
        // MECABRC is the user's explicit choice and would win; CI and fresh machines do not set it.
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MECABRC"))) return;
        Assert.Equal(IpadicDictionary.DirectoryPath, DictionaryLocator.Locate());
    }

    [Fact]
    public void Default_analyzer_tokenizes_japanese()
    {
        using var analyzer = MorphologicalAnalyzer.Open();
        var tokens = analyzer.Analyze("日本の減税である。");
        // Expected segmentation as printed by Debian's mecab 0.996 with mecab-ipadic-utf8 for this sentence.
        Assert.Equal(["日本", "の", "減税", "で", "ある", "。"], tokens.Select(t => t.Surface));
        Assert.Equal("ゲンゼイ", tokens[2].Reading);
    }
}
