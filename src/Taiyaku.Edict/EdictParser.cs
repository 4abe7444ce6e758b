using System.Collections.Frozen;

namespace Taiyaku.Edict;

/// <summary>
/// Parses lines of the EDICT formats (EDICT1 <c>漢字 [かな] /(n) gloss/gloss/(P)/</c> and EDICT2
/// <c>漢字;漢字2 [かな;かな2] /(n) (1) gloss/(2) gloss/(P)/EntL1234567X/</c>) into senses and glosses.
/// </summary>
internal static class EdictParser
{
    /// <summary>JMdict part-of-speech codes as EDICT writes them.</summary>
    internal static readonly FrozenSet<string> PartOfSpeechTags = FrozenSet.ToFrozenSet(
    [
        "adj-f", "adj-i", "adj-ix", "adj-kari", "adj-ku", "adj-na", "adj-nari", "adj-no", "adj-pn", "adj-shiku", "adj-t",
        "adv", "adv-to", "aux", "aux-adj", "aux-v", "conj", "cop", "cop-da", "ctr", "exp", "int", "n", "n-adv", "n-pr",
        "n-pref", "n-suf", "n-t", "num", "pn", "pref", "prt", "suf", "unc", "v-unspec", "v1", "v1-s", "v2a-s", "v2b-k",
        "v2b-s", "v2d-k", "v2d-s", "v2g-k", "v2g-s", "v2h-k", "v2h-s", "v2k-k", "v2k-s", "v2m-k", "v2m-s", "v2n-s",
        "v2r-k", "v2r-s", "v2s-s", "v2t-k", "v2t-s", "v2w-s", "v2y-k", "v2y-s", "v2z-s", "v4b", "v4g", "v4h", "v4k",
        "v4m", "v4n", "v4r", "v4s", "v4t", "v5aru", "v5b", "v5g", "v5k", "v5k-s", "v5m", "v5n", "v5r", "v5r-i", "v5s",
        "v5t", "v5u", "v5u-s", "v5uru", "vi", "vk", "vn", "vr", "vs", "vs-c", "vs-i", "vs-s", "vt", "vz",
    ], StringComparer.Ordinal);

    /// <summary>JMdict usage, field and headword codes (dialect codes end in ':' and are recognised by that).</summary>
    internal static readonly FrozenSet<string> OtherTags = FrozenSet.ToFrozenSet(
    [
        // usage
        "abbr", "arch", "char", "chn", "col", "company", "creat", "dated", "derog", "doc", "ev", "fam", "fem", "fict",
        "form", "given", "group", "hist", "hon", "hum", "id", "joc", "leg", "m-sl", "male", "male-sl", "myth", "net-sl",
        "obj", "obs", "obsc", "on-mim", "organization", "oth", "person", "place", "poet", "pol", "product", "proverb",
        "quote", "rare", "relig", "sens", "serv", "ship", "sl", "station", "surname", "uk", "unclass", "vulg", "work",
        "X", "yoji", "ek",
        // fields
        "agric", "anat", "archeol", "archit", "art", "astron", "audvid", "aviat", "baseb", "biochem", "biol", "bot",
        "Buddh", "bus", "cards", "chem", "Christn", "cloth", "comp", "cryst", "dent", "ecol", "econ", "elec", "electr",
        "embryo", "engr", "ent", "film", "finc", "fish", "food", "gardn", "genet", "geogr", "geol", "geom", "go", "golf",
        "gramm", "grmyth", "hanaf", "horse", "kabuki", "law", "ling", "logic", "MA", "mahj", "manga", "math", "mech",
        "med", "met", "mil", "mining", "music", "noh", "ornith", "paleo", "pathol", "pharm", "phil", "photo", "physics",
        "physiol", "politics", "print", "psy", "psyanal", "psych", "rail", "shogi", "Shinto", "sports", "stat",
        "stockm", "sumo", "telec", "tradem", "tv", "vidg", "zool",
        // headword notes (they qualify the spelling, not the sense)
        "ateji", "gikun", "iK", "ik", "io", "ok", "oK", "rK", "sK", "P",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Parses one line; null for blank lines, the file's header line and lines that do not have the EDICT shape.
    /// </summary>
    public static EdictEntry? Parse(string line)
    {
        int slash = line.IndexOf(" /", StringComparison.Ordinal);
        if (slash <= 0) return null;
        string head = line[..slash];
        if (head.StartsWith('\u3000')) return null;     // "　？？？ /EDICT, ... Copyright .../" header line

        string kanjiPart = head, readingPart = "";
        int bracket = head.IndexOf(" [", StringComparison.Ordinal);
        if (bracket >= 0)
        {
            int close = head.IndexOf(']', bracket);
            if (close < 0) return null;
            kanjiPart = head[..bracket];
            readingPart = head[(bracket + 2)..close];
        }

        var headwords = SplitHeadwords(kanjiPart);
        if (headwords.Count == 0) return null;
        var readings = SplitHeadwords(readingPart);

        bool priority = false;
        var senses = new List<EdictSense>();
        EdictSense? current = null;
        foreach (string segment in line[(slash + 2)..].Split('/'))
        {
            string s = segment.Trim();
            if (s.Length == 0) continue;
            if (s == "(P)") { priority = true; continue; }
            if (s.StartsWith("EntL", StringComparison.Ordinal) && !s.Contains(' ')) continue;

            bool newSense = false;
            List<string>? pos = null, tags = null;
            while (s.Length > 0 && s[0] is '(' or '{')
            {
                char closer = s[0] == '(' ? ')' : '}';
                int end = s.IndexOf(closer);
                if (end < 0) break;
                string content = s[1..end];
                if (int.TryParse(content, out _)) newSense = true;
                else if (!TryReadTags(content, ref pos, ref tags)) break;   // a gloss's own parenthesis: keep it
                s = s[(end + 1)..].TrimStart();
            }

            if (pos != null || newSense || current == null)
            {
                var sense = new EdictSense();
                // EDICT2 writes the part of speech once for a run of senses; EDICT1 repeats it.
                sense.PartsOfSpeech.AddRange(pos ?? (IEnumerable<string>?)current?.PartsOfSpeech ?? []);
                senses.Add(sense);
                current = sense;
            }
            if (tags != null) current.Tags.AddRange(tags);
            if (s.Length > 0) current.Glosses.Add(s);
        }

        return new EdictEntry { Headwords = headwords, Readings = readings, Senses = senses, IsPriority = priority };
    }

    /// <summary>
    /// Reads a parenthesised tag list such as <c>v5r,vi</c> or <c>uk</c> or <c>ksb:</c>; false when any item is not a
    /// known code (the parenthesis then belongs to the gloss, as in <c>(a) dose</c>).
    /// </summary>
    private static bool TryReadTags(string content, ref List<string>? pos, ref List<string>? tags)
    {
        string[] items = content.Split(',', StringSplitOptions.TrimEntries);
        foreach (string item in items)
            if (!PartOfSpeechTags.Contains(item) && !OtherTags.Contains(item) && !IsDialect(item)) return false;
        foreach (string item in items)
        {
            if (PartOfSpeechTags.Contains(item)) (pos ??= []).Add(item);
            else (tags ??= []).Add(item);
        }
        return true;
    }

    private static bool IsDialect(string item) =>
        item.Length is >= 3 and <= 5 && item[^1] == ':' && item[..^1].All(char.IsAsciiLetterLower);

    /// <summary>Splits <c>漢字;漢字2</c>, dropping EDICT2's per-headword notes such as <c>漢字(P)</c> or <c>かな(漢字)</c>.</summary>
    private static List<string> SplitHeadwords(string part)
    {
        var result = new List<string>();
        foreach (string raw in part.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int paren = raw.IndexOf('(');
            string word = (paren >= 0 ? raw[..paren] : raw).Trim();
            if (word.Length > 0 && !result.Contains(word)) result.Add(word);
        }
        return result;
    }
}
