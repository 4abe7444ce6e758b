using System.Buffers.Binary;
using System.Text;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>Reads back the binary files compiled from the synthetic sources.</summary>
public sealed class CompiledFormatTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private readonly string _out;

    public CompiledFormatTests()
    {
        var src = Synthetic.Write(_tmp["src"]);
        _out = _tmp["out"];
        var result = DictionaryCompiler.CompileSystem(src, _out);
        Assert.Equal(7, result.EntryCount);
        Assert.Empty(result.Warnings);
    }

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Writes_exactly_the_system_dictionary_files()
    {
        Assert.Equal(
            ["char.bin", "dicrc", "matrix.bin", "sys.dic", "unk.dic"],
            Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sys_dic_header_is_mecab_s()
    {
        var dic = new DicFile(Path.Combine(_out, "sys.dic"));
        Assert.Equal((uint)dic.Bytes.Length, dic.Magic ^ 0xef718f77u);
        Assert.Equal(102u, dic.Version);
        Assert.Equal(0u, dic.Type);
        Assert.Equal(7u, dic.LexSize);
        Assert.Equal(3u, dic.LeftSize);
        Assert.Equal(3u, dic.RightSize);
        Assert.Equal("UTF-8", dic.Charset);
        Assert.Equal(7u * 16, dic.TSize);
        Assert.Equal(72 + dic.DSize + dic.TSize + dic.FSize, (uint)dic.Bytes.Length);
        Assert.Equal(0u, dic.DSize % 8);
    }

    [Fact]
    public void Trie_maps_each_surface_to_its_tokens_with_homographs_in_input_order()
    {
        var dic = new DicFile(Path.Combine(_out, "sys.dic"));
        var tokyo = Assert.Single(dic.Lookup("東京"));
        Assert.Equal((ushort)1, tokyo.Left);
        Assert.Equal((ushort)1, tokyo.Right);
        Assert.Equal((short)1000, tokyo.Cost);
        Assert.Equal("名詞,固有,とうきょう", tokyo.Feature);

        var higashi = dic.Lookup("東");
        Assert.Equal(2, higashi.Count);
        Assert.Equal("名詞,方角,ひがし", higashi[0].Feature);
        Assert.Equal("名詞,固有,あずま", higashi[1].Feature);
        Assert.Equal((short)3500, higashi[1].Cost);

        var wa = Assert.Single(dic.Lookup("は"));
        Assert.Equal((ushort)2, wa.Left);
        Assert.Equal(-1, dic.ExactMatch("京"));
        Assert.Equal(-1, dic.ExactMatch("東京都"));
    }

    [Fact]
    public void Tokens_are_sorted_by_surface_bytes_and_features_stay_in_input_order()
    {
        var dic = new DicFile(Path.Combine(_out, "sys.dic"));
        var surfaces = new[] { "東京", "京都", "東", "は", "東", "に", "行く" };
        var expected = surfaces.Select((s, i) => (Bytes: Encoding.UTF8.GetBytes(s), i))
            .OrderBy(x => x.Bytes, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))
            .ThenBy(x => x.i).Select(x => x.i).ToArray();
        var lines = Synthetic.Lexicon.Split('\n');
        for (var t = 0; t < 7; t++)
        {
            var feature = string.Join(',', lines[expected[t]].Split(',').Skip(4));
            Assert.Equal(feature, dic.Token(t).Feature);
        }

        // The feature pool holds the features NUL-terminated, in input order.
        var pool = Encoding.UTF8.GetString(dic.Bytes, (int)(72 + dic.DSize + dic.TSize), (int)dic.FSize);
        Assert.Equal(string.Concat(lines.Select(l => string.Join(',', l.Split(',').Skip(4)) + "\0")), pool);
    }

    [Fact]
    public void Matrix_bin_has_sizes_then_costs_indexed_left_plus_lsize_times_right()
    {
        var m = File.ReadAllBytes(Path.Combine(_out, "matrix.bin"));
        Assert.Equal(4 + (2 * 9), m.Length);
        Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(m));
        Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(m.AsSpan(2)));
        short Cost(int l, int r) => BinaryPrimitives.ReadInt16LittleEndian(m.AsSpan(4 + (2 * (l + (3 * r)))));
        Assert.Equal(100, Cost(0, 1));
        Assert.Equal(50, Cost(1, 2));
        Assert.Equal(200, Cost(2, 2));
        Assert.Equal(0, Cost(0, 0));
    }

    [Fact]
    public void Char_bin_has_category_names_then_packed_char_info()
    {
        var c = File.ReadAllBytes(Path.Combine(_out, "char.bin"));
        Assert.Equal(4 + (32 * 5) + (4 * 0xFFFF), c.Length);
        Assert.Equal(5u, BinaryPrimitives.ReadUInt32LittleEndian(c));
        string Name(int i) => Encoding.ASCII.GetString(c, 4 + (32 * i), 32).TrimEnd('\0');
        Assert.Equal(["DEFAULT", "SPACE", "KANJI", "HIRAGANA", "KATAKANA"], Enumerable.Range(0, 5).Select(Name));
        uint Info(int cp) => BinaryPrimitives.ReadUInt32LittleEndian(c.AsSpan(4 + (32 * 5) + (4 * cp)));

        // type:18 | default_type:8 | length:4 | group:1 | invoke:1
        var a = Info('ア');
        Assert.Equal(1u << 4, a & 0x3FFFF);
        Assert.Equal(4u, (a >> 18) & 0xFF);
        Assert.Equal(0u, (a >> 26) & 0xF);
        Assert.Equal(1u, (a >> 30) & 1);
        Assert.Equal(1u, a >> 31);

        var kanji = Info('東');
        Assert.Equal(1u << 2, kanji & 0x3FFFF);
        Assert.Equal(2u, (kanji >> 26) & 0xF);
        Assert.Equal(0u, (kanji >> 30) & 1);
        Assert.Equal(1u << 1, Info(' ') & 0x3FFFF); // SPACE is category 1
        Assert.Equal(1u, Info('A') & 0x3FFFF); // not listed: DEFAULT
    }

    [Fact]
    public void Unk_dic_is_keyed_by_category_name()
    {
        var unk = new DicFile(Path.Combine(_out, "unk.dic"));
        Assert.Equal(2u, unk.Type);
        Assert.Equal(5u, unk.LexSize);
        var kata = Assert.Single(unk.Lookup("KATAKANA"));
        Assert.Equal((short)2000, kata.Cost);
        Assert.Equal("名詞,未知", kata.Feature);
    }

    [Fact]
    public void Dicrc_is_copied()
    {
        Assert.Equal(File.ReadAllBytes(_tmp["src/dicrc"]), File.ReadAllBytes(Path.Combine(_out, "dicrc")));
    }

    [Fact]
    public void Euc_jp_sources_compile_to_the_same_utf8_dictionary()
    {
        var src = Synthetic.Write(_tmp["euc"], TestEncodings.EucJp);
        DictionaryCompiler.CompileSystem(src, _tmp["euc-out"], new DictionaryCompileOptions { SourceEncoding = TestEncodings.EucJp });
        foreach (var f in new[] { "sys.dic", "unk.dic", "char.bin", "matrix.bin" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_out, f)), File.ReadAllBytes(Path.Combine(_tmp["euc-out"], f)));
        }

        Assert.Equal("config-charset = UTF-8", File.ReadAllLines(Path.Combine(_tmp["euc-out"], "dicrc")).Single(l => l.StartsWith("config-charset")));
    }

    [Fact]
    public void Euc_jp_is_decoded_like_iconv_not_like_cp51932()
    {
        // A1C1 and A1DD are where Windows' EUC-JP and glibc's differ; mecab-dict-index uses glibc's iconv.
        var euc = TestEncodings.EucJp;
        var src = Synthetic.Write(_tmp["euc2"], euc, lexicon: "x,1,1,100,x");
        File.WriteAllBytes(Path.Combine(src, "lex.csv"), [0xA1, 0xC1, 0xA1, 0xDD, .. Encoding.ASCII.GetBytes(",1,1,100,x\n")]);
        DictionaryCompiler.CompileSystem(src, _tmp["euc2-out"], new DictionaryCompileOptions { SourceEncoding = euc });
        var dic = new DicFile(Path.Combine(_tmp["euc2-out"], "sys.dic"));
        Assert.Single(dic.Lookup("\u301C\u2212"));
    }
}
