namespace Taiyaku.Japanese.Tests;

/// <summary>mecab's output options (-O -F -U -B -E -S -N -a -m -p) as <see cref="MecabOutputOptions"/>, for the golden files' argument lists.</summary>
internal static class MecabOptionsParser
{
    public static MecabOutputOptions Parse(IReadOnlyList<string> args)
    {
        var o = new MecabOutputOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "-a") { o = Copy(o, allMorphs: true); continue; }
            if (a == "-m") { o = Copy(o, marginal: true); continue; }
            if (a == "-p") { o = Copy(o, partial: true); continue; }
            string flag = a[..2];
            string value = a.Length > 2 ? a[2..] : args[++i];
            o = flag switch
            {
                "-O" => Copy(o, type: value),
                "-F" => Copy(o, node: value),
                "-U" => Copy(o, unk: value),
                "-B" => Copy(o, bos: value),
                "-E" => Copy(o, eos: value),
                "-S" => Copy(o, eon: value),
                "-N" => Copy(o, nbest: int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
                _ => throw new ArgumentException("unknown option " + a),
            };
        }
        return o;
    }

    private static MecabOutputOptions Copy(MecabOutputOptions o, string? type = null, string? node = null, string? unk = null,
        string? bos = null, string? eos = null, string? eon = null, int? nbest = null, bool? allMorphs = null, bool? marginal = null, bool? partial = null) => new()
    {
        OutputFormatType = type ?? o.OutputFormatType,
        NodeFormat = node ?? o.NodeFormat,
        UnknownFormat = unk ?? o.UnknownFormat,
        BosFormat = bos ?? o.BosFormat,
        EosFormat = eos ?? o.EosFormat,
        EonFormat = eon ?? o.EonFormat,
        NBest = nbest ?? o.NBest,
        AllMorphs = allMorphs ?? o.AllMorphs,
        Marginal = marginal ?? o.Marginal,
        Partial = partial ?? o.Partial,
    };
}
