using System.Buffers.Binary;
using Taiyaku.Japanese.Analysis;

namespace Taiyaku.Japanese.Tests;

/// <summary>
/// The session's renumbered copy of the connection costs against the dictionary's matrix it copies: every pair of
/// ids met so far gives the dictionary's cost, as ids come in random order on both sides and the copy grows.
/// </summary>
public sealed unsafe class LocalConnectionMatrixTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("taiyaku-local-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    // matrix.bin: the left size (right ids of left nodes), the right size (left ids of right nodes), then the costs
    // by [right node's left id × left size + left node's right id].
    private ConnectionMatrix Matrix(int leftSize, int rightSize, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[4 + 2 * leftSize * rightSize];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)leftSize);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), (ushort)rightSize);
        for (int k = 0; k < leftSize * rightSize; k++)
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(4 + 2 * k), (short)random.Next(short.MinValue, short.MaxValue + 1));
        string path = Path.Combine(_dir, $"matrix-{leftSize}x{rightSize}.bin");
        File.WriteAllBytes(path, bytes);
        return new ConnectionMatrix(path);
    }

    [Fact]
    public void Every_pair_met_has_the_dictionarys_cost_as_the_copy_grows()
    {
        // 300 right ids and 200 left ids: the copy grows from 64 a side through 128 and 256 to 300.
        using var matrix = Matrix(300, 200, 1);
        var local = new LocalConnectionMatrix(matrix);
        Assert.Equal(0, local.Left(0));
        Assert.Equal(0, local.Right(0));
        var random = new Random(2);
        var lefts = new List<ushort> { 0 };
        var rights = new List<ushort> { 0 };
        foreach (ushort id in Enumerable.Range(1, 199).OrderBy(_ => random.Next())) lefts.Add(id);
        foreach (ushort id in Enumerable.Range(1, 299).OrderBy(_ => random.Next())) rights.Add(id);
        int l = 1, r = 1, checks = 0;
        while (l < lefts.Count || r < rights.Count)
        {
            // Both sides in turns of random length, as a lattice meets them.
            for (int k = random.Next(1, 6); k > 0 && l < lefts.Count; k--) Assert.Equal(l, local.Left(lefts[l++]));
            for (int k = random.Next(1, 6); k > 0 && r < rights.Count; k--) Assert.Equal(r, local.Right(rights[r++]));
            short* costs = local.Costs;
            for (int i = 0; i < l; i++)
                for (int j = 0; j < r; j++, checks++)
                    Assert.Equal(matrix.Costs[lefts[i] * matrix.LeftSize + rights[j]], costs[local.Left(lefts[i]) * local.Stride + local.Right(rights[j])]);
        }
        Assert.True(local.Stride >= 300);
        Assert.True(checks > 1_000_000);
        // Met again: the same local ids, nothing added.
        Assert.Equal(17, local.Left(lefts[17]));
        Assert.Equal(250, local.Right(rights[250]));
    }

    [Fact]
    public void A_matrix_too_large_to_copy_is_used_as_it_is()
    {
        using var matrix = Matrix(LocalConnectionMatrix.MaxLocalIds + 1, 3, 3);
        var local = new LocalConnectionMatrix(matrix);
        Assert.True(local.Costs == matrix.Costs);
        Assert.Equal(matrix.LeftSize, local.Stride);
        Assert.Equal(2, local.Left(2));
        Assert.Equal(LocalConnectionMatrix.MaxLocalIds, local.Right(LocalConnectionMatrix.MaxLocalIds));
        Assert.Equal(matrix.GatherSafe, local.GatherSafe);
    }
}
