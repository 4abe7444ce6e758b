using System.Text;

namespace Taiyaku.Japanese.MeCabCompat;

/// <summary>
/// The main calls of MeCab.DotNet and NMeCab (<c>Create</c>, <c>Parse</c>, <c>ParseToNode</c>,
/// <c>ParseToNodes</c>, <c>ParseNBest</c>, <c>ParseNBestToNode</c>) over this analyser, with mecab's exact results:
/// code written against them moves by changing its <c>using</c> to <c>Taiyaku.Japanese.MeCabCompat</c>. Like theirs,
/// a tagger is not thread-safe: use one per thread.
/// </summary>
public sealed class MeCabTagger : IDisposable
{
    private readonly MecabDictionary _dictionary;
    private readonly AnalyzerSession _session;
    private readonly MecabOutputWriter _writer;
    private readonly MeCabParam _param;
    private readonly Encoding _encoding;

    private MeCabTagger(MeCabParam param)
    {
        _param = param;
        _dictionary = MecabDictionary.Open(param.DicDir, param.UserDic is { Length: > 0 } u ? u : null);
        try
        {
            _session = new AnalyzerSession(_dictionary);
            _writer = new MecabOutputWriter(_session, new MecabOutputOptions { OutputFormatType = param.OutputFormatType, AllMorphs = param.AllMorphs });
            _encoding = _dictionary.TextEncoding;
        }
        catch
        {
            _dictionary.Dispose();
            throw;
        }
    }

    /// <summary>Opens the dictionary of <paramref name="param"/> (default settings when null).</summary>
    /// <exception cref="DictionaryNotFoundException">No dictionary was found.</exception>
    /// <exception cref="DictionaryFormatException">The dictionary is broken.</exception>
    public static MeCabTagger Create(MeCabParam? param = null) => new(param ?? new MeCabParam());

    /// <summary>The dictionary in use.</summary>
    public MecabDictionary Dictionary => _dictionary;

    /// <summary>mecab's output for <paramref name="sentence"/> (one sentence), in the output format of the param and dicrc.</summary>
    public string Parse(string sentence) => Write(sentence, _writer);

    /// <summary>The <paramref name="n"/> best analyses in mecab's output format (mecab -N).</summary>
    public string ParseNBest(int n, string sentence)
    {
        var writer = new MecabOutputWriter(_session, new MecabOutputOptions { OutputFormatType = _param.OutputFormatType, NBest = n });
        return Write(sentence, writer);
    }

    private string Write(string sentence, MecabOutputWriter writer)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        using var output = new MemoryStream();
        writer.WriteSentence(_encoding.GetBytes(sentence), output);
        writer.Flush(output);
        return _encoding.GetString(output.GetBuffer(), 0, (int)output.Length);
    }

    /// <summary>The result as nodes: BOS, each morpheme (every one of the lattice with <see cref="MeCabParam.AllMorphs"/>), EOS.</summary>
    public MeCabNode ParseToNode(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var tokens = _session.Analyze(sentence);
        if (_param.AllMorphs) tokens = _session.AllMorphemes();
        return Nodes(sentence, tokens);
    }

    /// <summary>The nodes of <see cref="ParseToNode"/> as a sequence, BOS and EOS included.</summary>
    public IEnumerable<MeCabNode> ParseToNodes(string sentence)
    {
        for (var node = ParseToNode(sentence); node is not null; node = node.Next) yield return node;
    }

    /// <summary>The BOS node of each analysis, best first (mecab's N-best search), for as long as the caller enumerates.</summary>
    public IEnumerable<MeCabNode> ParseNBestToNode(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        _session.Analyze(sentence);
        while (_session.NextBest()) yield return Nodes(sentence, _session.Tokens);
    }

    private MeCabNode Nodes(string sentence, ReadOnlySpan<MorphemeToken> tokens)
    {
        string bosFeature = _encoding.GetString(_dictionary.BosFeatureUtf8);
        var bos = new MeCabNode { Feature = bosFeature, Stat = MeCabNodeStat.Bos, IsBest = true };
        var prev = bos;
        foreach (ref readonly var t in tokens)
        {
            var node = new MeCabNode
            {
                Prev = prev,
                Surface = sentence.Substring(t.Offset, t.Length),
                Feature = _encoding.GetString(_session.FeatureUtf8(t)),
                Length = t.Utf8Length,
                RLength = t.Utf8Length + t.SpaceLength,
                BPos = t.Offset,
                EPos = t.Offset + t.Length,
                RCAttr = t.RightId,
                LCAttr = t.LeftId,
                PosId = t.PosId,
                CharType = t.CharType,
                Stat = t.IsUnknown ? MeCabNodeStat.Unk : MeCabNodeStat.Nor,
                IsBest = _session.IsOnBestPath(t.NodeId),
                WCost = t.WordCost,
                Cost = t.PathCost,
            };
            prev.Next = node;
            prev = node;
        }
        var eos = new MeCabNode
        {
            Prev = prev, Feature = bosFeature, Stat = MeCabNodeStat.Eos, IsBest = true, Cost = _session.EosCost,
            BPos = sentence.Length, EPos = sentence.Length,
        };
        prev.Next = eos;
        return bos;
    }

    /// <summary>Releases the dictionary.</summary>
    public void Dispose() => _dictionary.Dispose();
}
