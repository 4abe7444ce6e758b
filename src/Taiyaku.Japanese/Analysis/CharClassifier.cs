using System.Runtime.CompilerServices;

namespace Taiyaku.Japanese.Analysis;

/// <summary>
/// Character categories over the sentence's bytes (mecab's char_property; NMeCab's CharProperty): decodes the
/// character at a position into its packed info (<see cref="CharCategories"/>), and finds where a run of
/// characters sharing a category ends, as the unknown-word model groups them. Per-sentence tables are reused.
/// </summary>
internal sealed unsafe class CharClassifier
{
    // The run ends are cached once a run is longer than this many characters.
    private const int ScanSteps = 64;

    private readonly uint[] _charMap;
    private readonly CharsetKind _charset;
    private int _length;          // the sentence's length in bytes
    private bool _runsReady;
    private int[] _runEnd = [];   // per position: where the run of characters starting there ends
    private int[] _runCount = []; // and how many characters it has
    private uint[] _infoAt = [];  // the character info at each position (decoded up to the sentence end)
    private int[] _next = [];     // the next character's position
    private bool _jumpsReady;
    private int[] _jump8 = [];    // 8 characters further along
    private int[] _jump64 = [];   // 64 characters further along

    public CharClassifier(MecabDictionary dictionary)
    {
        _charMap = dictionary.Chars.Map;
        _charset = dictionary.CharsetKind;
    }

    /// <summary>Starts a sentence of <paramref name="length"/> bytes (the run tables are built when first needed).</summary>
    public void Reset(int length)
    {
        _length = length;
        _runsReady = false;
    }

    /// <summary>The info of the character at <paramref name="p"/> and its length in bytes.</summary>
    // Decodes like mecab's utf8_to_ucs2: 4..6-byte sequences and broken bytes map to code 0.
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public uint CharInfo(byte* s, int p, int end, out int mblen)
    {
        uint b0 = s[p];
        int rem = end - p;
        int code;
        if (_charset != CharsetKind.Utf8) code = DictionaryCharset.ToUcs2(_charset, s + p, s + end, out mblen);
        else if (b0 < 0x80) { mblen = 1; code = (int)b0; }
        else if (rem >= 2 && (b0 & 0xE0) == 0xC0) { mblen = 2; code = (int)(((b0 & 0x1F) << 6) | (s[p + 1] & 0x3Fu)); }
        else if (rem >= 3 && (b0 & 0xF0) == 0xE0) { mblen = 3; code = (int)(((b0 & 0x0F) << 12) | ((s[p + 1] & 0x3Fu) << 6) | (s[p + 2] & 0x3Fu)); }
        else if (rem >= 4 && (b0 & 0xF8) == 0xF0) { mblen = 4; code = 0; }
        else if (rem >= 5 && (b0 & 0xFC) == 0xF8) { mblen = 5; code = 0; }
        else if (rem >= 6 && (b0 & 0xFE) == 0xFC) { mblen = 6; code = 0; }
        else { mblen = 1; code = 0; }
        return _charMap[code];
    }

    /// <summary>
    /// mecab's seekToOtherType: from <paramref name="p"/>, skips characters sharing a type bit with the one before
    /// (the first compared with <paramref name="c"/>); <paramref name="fail"/> is the info of the character that
    /// stopped it, <paramref name="clen"/> the number skipped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int SeekToOtherType(byte* s, int p, int end, uint c, ref uint fail, ref int mblen, out int clen)
    {
        clen = 0;
        while (p != end)
        {
            fail = CharInfo(s, p, end, out mblen);
            if ((c & fail & 0x3ffffu) == 0) break;
            p += mblen;
            clen++;
            c = fail;
        }
        return p;
    }

    /// <summary>
    /// <see cref="SeekToOtherType"/> for grouping unknown words. mecab restarts the scan at every position of a long
    /// run (up to the 64 KB cap), which is quadratic; after a few steps this switches to precomputed run ends, which
    /// give the same answer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int SeekGroup(byte* s, int p, int end, uint c, ref uint fail, ref int mblen, out int clen)
    {
        int start = p;
        clen = 0;
        while (p != end)
        {
            fail = CharInfo(s, p, end, out mblen);
            if ((c & fail & 0x3ffffu) == 0) return p;
            p += mblen;
            c = fail;
            if (++clen == ScanSteps) break;
        }
        if (p == end) return p;
        if (!_runsReady) PrepareRuns(s);
        // The run from 'start' is accepted at least up to p; the precomputed end is exact when it stops well
        // before the cap (decoding looks at most 6 bytes ahead, so the cap cannot change it).
        int runEnd = _runEnd[start];
        if (runEnd <= end - 8)
        {
            clen = _runCount[start];
            return runEnd;
        }
        // The run reaches the cap, where decoding may differ: jump along the precomputed character chain to the last
        // character that ends well before the cap and scan literally from there. Starting at q with c = its own
        // info accepts q exactly as mecab did (q lies inside the run) and then continues identically.
        int limit = end - 8;
        if (p > limit)
        {
            int rest = SeekToOtherType(s, p, end, c, ref fail, ref mblen, out int more);
            clen += more;
            return rest;
        }
        if (!_jumpsReady) PrepareJumps();
        int q = p, count = clen;
        while (_jump64[q] <= limit) { q = _jump64[q]; count += 64; }
        while (_jump8[q] <= limit) { q = _jump8[q]; count += 8; }
        while (_next[q] <= limit) { q = _next[q]; count++; }
        int r = SeekToOtherType(s, q, end, _infoAt[q], ref fail, ref mblen, out int tail);
        clen = count + tail;
        return r;
    }

    // For every byte position: mecab's character there (decoded up to the sentence end), and where a run of
    // characters sharing a type bit with their predecessor, starting there, ends.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PrepareRuns(byte* s)
    {
        _runsReady = true;
        _jumpsReady = false;
        int len = _length;
        if (_runEnd.Length < len + 1)
        {
            _runEnd = new int[len + 1];
            _runCount = new int[len + 1];
            _next = new int[len + 1];
            _infoAt = new uint[len + 1];
        }
        int[] runEnd = _runEnd, runCount = _runCount, nextAt = _next;
        uint[] infoAt = _infoAt;
        runEnd[len] = len;
        nextAt[len] = int.MaxValue;
        runCount[len] = 0;
        for (int q = len - 1; q >= 0; q--)
        {
            infoAt[q] = CharInfo(s, q, len, out int ml);
            int next = q + ml;
            nextAt[q] = next;
            if (next < len && (infoAt[q] & infoAt[next] & 0x3ffffu) != 0)
            {
                runEnd[q] = runEnd[next];
                runCount[q] = runCount[next] + 1;
            }
            else
            {
                runEnd[q] = next;
                runCount[q] = 1;
            }
        }
    }

    // Positions 8 and 64 characters further along mecab's character chain (int.MaxValue past the end).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PrepareJumps()
    {
        _jumpsReady = true;
        int len = _length;
        if (_jump8.Length < len + 1)
        {
            _jump8 = new int[len + 1];
            _jump64 = new int[len + 1];
        }
        int[] next = _next, j8 = _jump8, j64 = _jump64;
        j8[len] = j64[len] = int.MaxValue;
        for (int q = len - 1; q >= 0; q--)
        {
            int x = q;
            for (int k = 0; k < 8 && x != int.MaxValue; k++) x = x >= len ? int.MaxValue : next[x];
            j8[q] = x;
            x = q;
            for (int k = 0; k < 8 && x != int.MaxValue; k++) x = x >= len ? int.MaxValue : j8[x];
            j64[q] = x;
        }
    }
}
