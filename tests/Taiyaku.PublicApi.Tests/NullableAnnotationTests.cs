using Taiyaku.Alignment;
using Taiyaku.Edict;
using Taiyaku.Evaluation;
using Taiyaku.Formats;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;

namespace Taiyaku.PublicApi.Tests;

/// <summary>
/// Code a consumer writes, without '!' or null checks where the annotations promise a value: it compiles only while
/// those promises are made (nullable warnings are errors here). The asserts check the promises at run time too.
/// </summary>
public sealed class NullableAnnotationTests
{
    [Fact]
    public void Try_methods_promise_their_result_when_they_return_true()
    {
        Assert.True(VecalignLinks.TryParseLine("[0, 1]:[2]", out var link, out _));
        Assert.Equal(2, link.Source.Count);   // no '!': [NotNullWhen(true)]
        Assert.False(VecalignLinks.TryParseLine("[0", out _, out var error));
        Assert.NotEmpty(error);                // no '!': [NotNullWhen(false)]

        Assert.True(DictionaryLocator.TryLocate(null, out var directory));
        Assert.True(Directory.Exists(directory));

        var model = TranslationModel.Empty;
        Assert.False(model.TryGetTranslations("東京", out var none));
        Assert.Empty(none);                    // never null, found or not
    }

    [Fact]
    public void Builders_options_and_results_are_not_null()
    {
        DocumentAligner aligner = new DocumentAlignerBuilder().UseAnchors(AnchorOptions.None).Build();
        AlignmentParameters p = aligner.Options.Parameters;
        ConfidenceModel confidence = p.Confidence;
        Assert.NotNull(confidence);
        AlignmentResult result = aligner.AlignSentences(["一。"], ["One."]);
        Link first = result.Links[0];
        Assert.Equal(1, first.SourceCount);
        DocumentAlignment doc = aligner.Align("一。", "One.");
        Assert.Equal("一。", doc.Pairs[0].JapaneseText);
        string settings = aligner.TranslationSettings;
        Assert.Contains("length=", settings);
        Assert.NotNull(EdictLexicon.Default);
        Assert.Equal("s", new GoldFormatException("s", 0, "r").Path);
    }
}
