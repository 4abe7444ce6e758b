using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>
/// The cost function against values computed independently with Python's math.erfc:
/// cost = −ln P(bead) − ln erfc(|δ|/√2), δ = (l₂ − c·l₁)/√(s²·c·(l₁ + l₂/c)/2).
/// </summary>
public class GaleChurchCostTests
{
    // python3: math.erfc(z)
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.1, 0.8875370839817152)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(1.5, 0.033894853524689274)]
    [InlineData(1.99, 0.004888586800383003)]
    [InlineData(2.0, 0.004677734981047265)]
    [InlineData(2.5, 0.0004069520174449589)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(5.0, 1.5374597944280351e-12)]
    [InlineData(10.0, 2.088487583762545e-45)]
    [InlineData(26.0, 5.663192408856143e-296)]
    public void Erfc_matches_python_to_relative_1e_13(double z, double expected)
    {
        double actual = GaleChurchCost.Erfc(z);
        Assert.True(Math.Abs(actual - expected) <= 1e-13 * expected, $"erfc({z}) = {actual:R}, expected {expected:R}");
    }

    [Fact]
    public void Erfc_of_negative_argument_is_two_minus_erfc()
    {
        Assert.Equal(2 - 0.4795001221869535, GaleChurchCost.Erfc(-0.5), 14);
    }

    // python3: -math.log(math.erfc(abs(d) / math.sqrt(2)))
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.48276458103367337)]
    [InlineData(-1.0, 1.147874464449318)]
    [InlineData(2.0, 3.0900371531220863)]
    [InlineData(3.0, 5.914579040950404)]
    [InlineData(5.0, 14.371851213428778)]
    [InlineData(8.0, 34.3202899793546)]
    [InlineData(20.0, 203.2240081905373)]
    public void Exact_negative_log_tail_matches_python(double delta, double expected)
    {
        Assert.Equal(expected, GaleChurchCost.NegLogTail(delta), 11);
    }

    [Fact]
    public void Negative_log_tail_stays_finite_where_erfc_underflows()
    {
        // erfc(60/√2) ≈ 1e-784 underflows a double; the log-domain form gives ≈ δ²/2 + ln(δ·√(π/2)).
        double v = GaleChurchCost.NegLogTail(60);
        Assert.True(double.IsFinite(v));
        Assert.Equal(1800 + Math.Log(60 * Math.Sqrt(Math.PI / 2)), v, 3);
        Assert.True(GaleChurchCost.NegLogTail(1000) > GaleChurchCost.NegLogTail(999));
    }

    [Fact]
    public void Lookup_table_is_within_3e_5_of_the_exact_value()
    {
        // Linear interpolation with step h = 1/64 has error ≤ max|f''|·h²/8 ≈ 3.1e-5 (f'' ≤ 1 here).
        double worst = 0;
        for (int i = 0; i <= 640_000; i++)
        {
            double delta = i * 1e-4; // 0 .. 64, the table's range
            worst = Math.Max(worst, Math.Abs(GaleChurchCost.NegLogTailFast(delta) - GaleChurchCost.NegLogTail(delta)));
        }
        Assert.True(worst < 3.1e-5, $"worst error {worst}");
    }

    [Fact]
    public void Beyond_the_table_the_cost_is_held_at_the_floor()
    {
        // P(δ) is floored at erfc(64/√2) ≈ e^−2053: log(0) cannot occur, and the cost never decreases with |δ|.
        double floor = GaleChurchCost.NegLogTail(GaleChurchCost.TableLimit);
        Assert.Equal(floor, GaleChurchCost.NegLogTailFast(64), 6);
        Assert.Equal(floor, GaleChurchCost.NegLogTailFast(1e6), 6);
        Assert.Equal(floor, GaleChurchCost.NegLogTailFast(double.PositiveInfinity), 6);
        Assert.True(GaleChurchCost.NegLogTailFast(63.99) <= floor);
    }

    [Fact]
    public void Delta_uses_the_symmetric_form()
    {
        // δ = (120 − 100)/√(6.8·(100 + 120)/2) = 0.7312724241271307 (c = 1); c = 2 with l₁ = 50 gives the same δ.
        Assert.Equal(0.7312724241271307, GaleChurchCost.Delta(100, 120, 1, 6.8), 12);
        Assert.Equal(0.7312724241271307, GaleChurchCost.Delta(50, 120, 2, 6.8), 12);
        Assert.Equal(0, GaleChurchCost.Delta(0, 0, 1, 6.8));
    }

    [Theory]
    // 1-1, l = (100, 120), c = 1, s² = 6.8: −ln 0.89 − ln erfc(0.73127/√2) = 0.883084788097459
    [InlineData(100, 120, 1.0, 6.8, 0.883084788097459)]
    // same δ with c = 2, l₁ = 50: the variance is taken per target-scale length, so the cost is the same
    [InlineData(50, 120, 2.0, 6.8, 0.883084788097459)]
    // 1-1, l = (100, 140), c = 1, s² = 12: δ = 40/√(12·120) = 1.05409; cost 1.3480815203995473
    [InlineData(100, 140, 1.0, 12.0, 1.3480815203995473)]
    public void One_to_one_link_cost_matches_hand_computation(int l1, int l2, double c, double variance, double expected)
    {
        var aligner = new GaleChurchAligner(new GaleChurchOptions { LengthRatio = c, Variance = variance, Beads = Bead.Standard });
        var result = aligner.Align([l1], [l2]);
        var link = Assert.Single(result.Links);
        Assert.Equal((1, 1), (link.SourceCount, link.TargetCount));
        Assert.Equal(expected, link.Cost, 4);
        Assert.Equal(expected, result.TotalCost, 4);
    }

    [Fact]
    public void Deletion_cost_is_prior_plus_unmatched_length()
    {
        // 1-0 with l₁ = 30, c = 1, s² = 6.8: δ = −30/√(6.8·15) = −2.97044; −ln 0.0099 − ln erfc(2.97044/√2) = 10.433165659035012
        var aligner = new GaleChurchAligner(new GaleChurchOptions { LengthRatio = 1, Variance = 6.8, Beads = Bead.Standard });
        var link = Assert.Single(aligner.Align([30], []).Links);
        Assert.Equal(new Link(0, 1, 0, 0, link.Cost), link);
        Assert.Equal(10.433165659035012, link.Cost, 4);
    }

    [Fact]
    public void Merge_cost_with_exact_length_match_is_the_prior()
    {
        // 2-1 with l₁ = 20 + 25, l₂ = 90, c = 2: δ = 0, so the cost is −ln 0.089 = 2.419118909249997 (table is exact at 0).
        var aligner = new GaleChurchAligner(new GaleChurchOptions { LengthRatio = 2, Beads = Bead.Standard });
        var link = Assert.Single(aligner.Align([20, 25], [90]).Links);
        Assert.Equal(new Link(0, 2, 0, 1, link.Cost), link);
        Assert.Equal(2.419118909249997, link.Cost, 12);
    }
}
