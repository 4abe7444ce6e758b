using System.Text;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>
/// The prefix search takes a first character of three UTF-8-shaped bytes in one step from a table. In an EUC-JP
/// dictionary such a window can hold a whole two-byte character and the start of the next (燹 E0 A1, の A4 CE): a key
/// ends inside the window, and the search must still find it.
/// </summary>
public sealed class PrefixSearchTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    // 燹 alone costs 1000 and 燹の 1500; the particle の costs 500 after a noun (50), so 燹 + の (1000 + 50 + 500 = 1550
    // plus BOS 100 and EOS 100) loses to 燹の (1500 + 100 + 100) by 50: both keys are reached through the same window.
    private const string Lexicon = Synthetic.Lexicon + "\n燹,1,1,1000,名詞,固有,せん\n燹の,1,1,1500,名詞,固有,せんの\nの,2,2,500,助詞,連体化,の";

    [Theory]
    [InlineData("燹は", "燹\t名詞,固有,せん\nは\t助詞,係,は\nEOS\n")]
    [InlineData("燹の", "燹の\t名詞,固有,せんの\nEOS\n")]
    [InlineData("燹", "燹\t名詞,固有,せん\nEOS\n")]
    public void A_key_that_ends_inside_the_first_three_bytes_is_found(string sentence, string expected)
    {
        var euc = TestEncodings.EucJp;
        Assert.Equal([0xE0, 0xA1], euc.GetBytes("燹"));
        var src = Synthetic.Write(_tmp["src"], lexicon: Lexicon);
        DictionaryCompiler.CompileSystem(src, _tmp["out"], new DictionaryCompileOptions { OutputEncoding = euc });

        using var dic = MecabDictionary.Open(_tmp["out"]);
        var writer = new MecabOutputWriter(new AnalyzerSession(dic), new MecabOutputOptions());
        using var output = new MemoryStream();
        writer.Process(new MemoryStream(euc.GetBytes(sentence + "\n")), output);
        Assert.Equal(expected, euc.GetString(output.ToArray()));
        if (Mecab.Binary is not null)
            Assert.Equal(euc.GetBytes(expected), Mecab.RunBytes(["-d", _tmp["out"], WriteInput(euc.GetBytes(sentence + "\n"))]));
    }

    private string WriteInput(byte[] bytes)
    {
        string path = _tmp["input-" + Guid.NewGuid().ToString("N")];
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
