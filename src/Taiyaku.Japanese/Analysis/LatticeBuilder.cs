using System.Runtime.CompilerServices;

namespace Taiyaku.Japanese.Analysis;

/// <summary>
/// Adds the nodes that start at one position to the lattice (mecab's Tokenizer::lookup; kuromoji's ViterbiBuilder):
/// every dictionary entry whose surface is a prefix of the text there, after skipping spaces, then the unknown-word
/// candidates of the first character's category as char.def asks (always, when no entry matched, or grouped runs
/// and lengths up to the category's).
/// </summary>
internal sealed unsafe class LatticeBuilder
{
    // mecab never looks further than this many bytes from a position.
    private const int LookupCap = 65535;
    // mecab's Allocator keeps this many prefix-search results.
    private const int MaxPrefixResults = 512;

    private readonly Lattice _lattice;
    private readonly CharClassifier _chars;
    private readonly LexiconFile[] _lexicons;
    private readonly LexiconFile _unknown;
    private readonly (uint First, int Count)[] _unknownTokens;   // per category
    private readonly nint _unknownFeature;                      // the dicrc override of unknown words' features, or 0
    private readonly uint _spaceInfo;
    private readonly int _maxGroupingSize;
    private readonly int[] _prefixValues = new int[MaxPrefixResults];
    private readonly int[] _prefixLengths = new int[MaxPrefixResults];
    private readonly LocalConnectionMatrix _costs;

    public LatticeBuilder(MecabDictionary dictionary, Lattice lattice, CharClassifier chars, LocalConnectionMatrix costs)
    {
        _costs = costs;
        _lattice = lattice;
        _chars = chars;
        _lexicons = dictionary.Lexicons;
        _unknown = dictionary.Unknown;
        _unknownTokens = dictionary.UnknownTokens;
        _unknownFeature = (nint)dictionary.UnknownFeatureOverride;
        _spaceInfo = dictionary.SpaceInfo;
        _maxGroupingSize = dictionary.MaxGroupingSize;
    }

    /// <summary>The constraints of partial parsing, or null.</summary>
    public PartialConstraints? Constraints { get; set; }

    /// <summary>Adds the nodes starting at <paramref name="begin"/> of the NUL-terminated sentence <paramref name="s"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Lookup(byte* s, int begin, int sentenceEnd)
    {
        var lattice = _lattice;
        var constraints = Constraints;
        int end = sentenceEnd - begin >= LookupCap ? begin + LookupCap : sentenceEnd;
        if (constraints is not null) end = constraints.LookupEnd(begin, sentenceEnd, end);
        uint cinfo = 0;
        int mblen = 0;
        int begin2 = _chars.SeekToOtherType(s, begin, end, _spaceInfo, ref cinfo, ref mblen, out _);
        int lookupFirst = lattice.Count;
        int defaultType = CharCategories.DefaultType(cinfo);

        var lexicons = _lexicons;
        int keyLen = end - begin2;
        // mecab's double array takes a zero length as "up to the NUL".
        if (keyLen == 0) keyLen = sentenceEnd - begin2;
        for (int d = 0; d < lexicons.Length; d++)
        {
            var lex = lexicons[d];
            int n = lex.CommonPrefixSearch(s + begin2, keyLen, _prefixValues, _prefixLengths);
            if (n > MaxPrefixResults) n = MaxPrefixResults;
            for (int i = 0; i < n; i++)
            {
                lex.TokenRange(_prefixValues[i], out uint first, out int count);
                int nodeEnd = begin2 + _prefixLengths[i];
                RawToken* t = lex.Tokens + first;
                for (int j = 0; j < count; j++, t++)
                {
                    lex.CheckToken(t, first + (uint)j);
                    int k = AddNode(lattice, _costs, t, begin, begin2, nodeEnd, (nint)lex.FeatureAt(t->Feature), unknown: false, defaultType);
                    constraints?.KeepIfValid(lattice, k);
                }
            }
        }

        if (lattice.Count > lookupFirst && !CharCategories.Invoke(cinfo)) return;

        int begin3 = begin2 + mblen;
        int groupBegin3 = -1;
        if (begin3 > end)
        {
            AddUnknown(defaultType, begin, begin2, begin3);
            if (lattice.Count > lookupFirst) return;
        }

        if (CharCategories.Group(cinfo))
        {
            int tmp = begin3;
            uint fail = 0;
            int ml = mblen;
            begin3 = _chars.SeekGroup(s, begin3, end, cinfo, ref fail, ref ml, out int clen);
            if (clen <= _maxGroupingSize) AddUnknown(defaultType, begin, begin2, begin3);
            groupBegin3 = begin3;
            begin3 = tmp;
        }

        int maxLength = CharCategories.Length(cinfo);
        for (int i = 1; i <= maxLength; i++)
        {
            if (begin3 > end) break;
            if (begin3 == groupBegin3) continue;
            AddUnknown(defaultType, begin, begin2, begin3);
            uint next = _chars.CharInfo(s, begin3, end, out int ml);
            if ((cinfo & next & 0x3ffffu) == 0) break;
            begin3 += ml;
        }

        if (lattice.Count == lookupFirst) AddUnknown(defaultType, begin, begin2, begin3);

        if (constraints is not null && lattice.Count == lookupFirst) AddLastResort(s, begin, begin2, end, constraints);
    }

    // Nothing fits the constraints: one unknown word over the constrained piece, else a node made up with the
    // pattern as its feature (mecab's last resort).
    private void AddLastResort(byte* s, int begin, int begin2, int end, PartialConstraints constraints)
    {
        int lookupFirst = _lattice.Count;
        int begin3 = begin2;
        uint ci;
        while (true)
        {
            ci = _chars.CharInfo(s, begin3, end, out int ml);
            begin3 += ml;
            if (begin3 > end || !constraints.IsInside(begin3)) break;
        }
        AddUnknown(CharCategories.DefaultType(ci), begin, begin2, begin3);
        if (_lattice.Count == lookupFirst)
        {
            int k = _lattice.NewNode();
            _lattice.Nodes[k] = new LatticeNode
            {
                Begin = begin2, Pos = begin, Length = (ushort)(begin3 - begin2), End = begin + (ushort)(begin3 - begin),
                Feature = constraints.PatternAt(begin), Unknown = true, CharType = (byte)CharCategories.DefaultType(ci),
            };
            constraints.SetId(k);
        }
    }

    // Adds the unknown-word entries of one category over [begin2, begin3).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddUnknown(int category, int begin, int begin2, int begin3)
    {
        var lattice = _lattice;
        var constraints = Constraints;
        var (first, count) = _unknownTokens[category];
        var unk = _unknown;
        nint over = _unknownFeature;
        RawToken* t = unk.Tokens + first;
        for (int k = 0; k < count; k++, t++)
        {
            int i = AddNode(lattice, _costs, t, begin, begin2, begin3, over != 0 ? over : (nint)unk.FeatureAt(t->Feature), unknown: true, category);
            constraints?.KeepIfValid(lattice, i);
        }
    }

    /// <summary>A new node for dictionary token <paramref name="t"/> over [<paramref name="begin2"/>, <paramref name="end"/>) (after the spaces from <paramref name="begin"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AddNode(Lattice lattice, LocalConnectionMatrix costs, RawToken* t, int begin, int begin2, int end, nint feature, bool unknown, int charType)
    {
        int k = lattice.NewNode();
        ref LatticeNode node = ref lattice.Nodes[k];
        node.Begin = begin2;
        node.Pos = begin;
        node.Length = (ushort)(end - begin2);
        node.End = begin + (ushort)(end - begin);
        node.LeftId = t->LeftId;
        node.RightId = t->RightId;
        node.WordCost = t->WordCost;
        node.Feature = feature;
        node.Unknown = unknown;
        node.CharType = (byte)charType;
        node.PosId = t->PosId;
        node.LocalLeft = costs.Left(t->LeftId);
        node.LocalRight = costs.Right(t->RightId);
        return k;
    }
}
