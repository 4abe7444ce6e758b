namespace Taiyaku.Evaluation;

/// <summary>Binary logistic regression by Newton's method (iteratively reweighted least squares) with a small ridge.</summary>
internal static class Logistic
{
    public const double Ridge = 1e-3;

    /// <summary>Coefficients β maximising Σ log σ(±β·x) − ridge·|β|²/2; rows hold x (with a leading 1) and y ∈ {0, 1}.</summary>
    public static double[] Fit(IReadOnlyList<(double[] X, double Y)> rows, int iterations = 25)
    {
        int p = rows.Count == 0 ? 1 : rows[0].X.Length;
        var beta = new double[p];
        for (int it = 0; it < iterations; it++)
        {
            var gradient = new double[p];
            var hessian = new double[p, p];
            for (int a = 0; a < p; a++) { hessian[a, a] = Ridge; gradient[a] = -Ridge * beta[a]; }
            foreach (var (x, y) in rows)
            {
                double z = 0;
                for (int a = 0; a < p; a++) z += beta[a] * x[a];
                double mu = 1 / (1 + Math.Exp(-z));
                double w = Math.Max(mu * (1 - mu), 1e-12);
                for (int a = 0; a < p; a++)
                {
                    gradient[a] += (y - mu) * x[a];
                    for (int b = 0; b < p; b++) hessian[a, b] += w * x[a] * x[b];
                }
            }
            var step = Solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < p; a++) { beta[a] += step[a]; change = Math.Max(change, Math.Abs(step[a])); }
            if (change < 1e-8) break;
        }
        return beta;
    }

    /// <summary>Solves A·x = b for a symmetric positive-definite A (Gaussian elimination with partial pivoting).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col)
            {
                for (int c = 0; c < n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }
            for (int r = col + 1; r < n; r++)
            {
                double f = m[r, col] / m[col, col];
                for (int c = col; c < n; c++) m[r, c] -= f * m[col, c];
                x[r] -= f * x[col];
            }
        }
        for (int r = n - 1; r >= 0; r--)
        {
            for (int c = r + 1; c < n; c++) x[r] -= m[r, c] * x[c];
            x[r] /= m[r, r];
        }
        return x;
    }
}
