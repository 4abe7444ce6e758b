using Taiyaku.Formats;
using Taiyaku.Pipeline;
using Taiyaku.Testing;

namespace Taiyaku.Evaluation.Tests;

/// <summary><see cref="ParameterFitter.FitConfidence"/>: link scores recalibrated for a kind of document, the alignments unchanged.</summary>
public class ConfidenceRefitTests
{
    private static DocumentAligner AlignerWith(AlignmentParameters parameters) =>
        CorpusAccuracyTests.Aligner.Value.ToBuilder().UseParameters(parameters).Build();

    private static GoldDocument Cable()
    {
        string Sample(string ext) => Path.Combine(RepositoryPaths.Root, "samples", "cable-1468." + ext);
        return GoldCorpus.Parse("cable-1468", File.ReadAllLines(Sample("ja")), File.ReadAllLines(Sample("en")), File.ReadAllText(Sample("gold")),
            Sample("gold"), Sample("ja"), Sample("en"));
    }

    [Fact]
    public void Only_the_confidence_models_change_both_sets_refitted()
    {
        var before = AlignmentParameters.Default;
        var after = ParameterFitter.FitConfidence([Cable()], AlignerWith(before));
        Assert.NotEqual(before.Confidence, after.Confidence);
        Assert.NotEqual(before.Untranslated!.Parameters.Confidence, after.Untranslated!.Parameters.Confidence);
        Assert.Equal(before.Round() with { Confidence = after.Confidence, FittedOn = after.FittedOn, Untranslated = after.Untranslated }, after);
        Assert.Equal(before.Untranslated.Parameters.Round() with { Confidence = after.Untranslated.Parameters.Confidence, FittedOn = after.Untranslated.Parameters.FittedOn },
            after.Untranslated.Parameters);
        Assert.EndsWith("; link scores fitted on 1 documents, 66 gold links", after.FittedOn);
    }

    [SkippableFact]
    public void Scores_refitted_on_half_of_pydocs_are_calibrated_on_the_other_half_and_the_links_stay()
    {
        // The kyoto-wiki fit alone on pydocs-dev para (partial translations): its own scores, fitted on complete text,
        // against scores refitted on the other half of the documents. Measured: calibration error 0.076 -> 0.0036.
        var docs = CorpusAccuracyTests.Read("pydocs-dev/para").OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        var train = docs.Where((_, i) => i % 2 == 0).ToList();
        var test = docs.Where((_, i) => i % 2 == 1).ToList();
        var complete = AlignerWith(AlignmentParameters.CompleteTranslations);
        var refitted = AlignerWith(ParameterFitter.FitConfidence(train, complete));
        var own = CorpusEvaluator.Evaluate(test, complete);
        var calibrated = CorpusEvaluator.Evaluate(test, refitted);
        Assert.Equal(own.Score, calibrated.Score);
        Assert.True(calibrated.ExpectedCalibrationError <= 0.03 && calibrated.ExpectedCalibrationError < own.ExpectedCalibrationError,
            $"{own.ExpectedCalibrationError} -> {calibrated.ExpectedCalibrationError}");
    }
}
