using System.Text.Json;
using System.Text.Json.Nodes;
using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

// The parameter file format: reading, writing and the bounds a file must keep.
public sealed partial record AlignmentParameters
{
    /// <summary>The parameters as indented JSON.</summary>
    public string ToJson() => ToNode().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private JsonObject ToNode()
    {
        var beads = new JsonArray();
        foreach (var b in Beads)
            beads.Add(new JsonObject { ["source"] = b.SourceCount, ["target"] = b.TargetCount, ["probability"] = b.Probability });
        var c = Confidence;
        var root = new JsonObject
        {
            ["format"] = FormatTag,
            ["fittedOn"] = FittedOn,
            ["length"] = LengthName(Length),
            ["lengthRatio"] = LengthRatio is { } r ? r : null,
            ["variance"] = Variance,
            ["beads"] = beads,
            ["anchorWeight"] = AnchorWeight,
            ["unmatchedItemCost"] = UnmatchedItemCost,
            ["deletionOpenCost"] = DeletionOpenCost,
            ["deletionRates"] = DeletionRates is not { Count: > 0 } ? null : new JsonArray([.. DeletionRates.Select(r => (JsonNode?)r)]),
            ["confidence"] = new JsonObject
            {
                ["intercept"] = c.Intercept,
                ["cost"] = c.Cost,
                ["coverage"] = c.Coverage,
                ["anchorWeight"] = c.AnchorWeight,
                ["oneToOne"] = c.OneToOne,
                ["empty"] = c.Empty,
                ["emptyAnchorWeight"] = c.EmptyAnchorWeight,
            },
        };
        if (Untranslated is { } u)
            root["untranslated"] = new JsonObject { ["minBlockShare"] = u.MinBlockShare, ["parameters"] = u.Parameters.ToNode() };
        return root;
    }

    /// <summary>Reads parameters written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">The text is not a parameter file, or a value is missing or out of range;
    /// the message names the field.</exception>
    public static AlignmentParameters FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        // A key given twice is an error (found by fuzzing: JsonObject threw ArgumentException on first access).
        try { root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }); }
        catch (JsonException e) { throw new FormatException($"not valid JSON ({e.Message})", e); }
        return FromNode(root, nested: false);
    }

    private static AlignmentParameters FromNode(JsonNode? root, bool nested)
    {
        if (root is not JsonObject o || (string?)o["format"] != FormatTag)
            throw new FormatException($"not a parameter file: \"format\" must be \"{FormatTag}\"");
        try
        {
            var beads = new List<Bead>();
            foreach (var b in o["beads"]?.AsArray() ?? throw Missing("beads"))
            {
                if (b is null) throw new FormatException("\"beads\": an entry is null");
                beads.Add(new Bead(Int(b, "source"), Int(b, "target"), Number(b, "probability")));
            }
            var c = o["confidence"] ?? throw Missing("confidence");
            var p = new AlignmentParameters
            {
                FittedOn = (string?)o["fittedOn"],
                Length = (string?)o["length"] switch
                {
                    "bytes" or null => LengthMeasure.Utf8Bytes,
                    "chars" => LengthMeasure.Characters,
                    "tokens" => LengthMeasure.Tokens,
                    var other => throw new FormatException($"\"length\": unknown measure \"{other}\""),
                },
                LengthRatio = o["lengthRatio"] is null ? null : Number(o, "lengthRatio"),
                Variance = Number(o, "variance"),
                Beads = beads,
                AnchorWeight = Number(o, "anchorWeight"),
                // Absent from files written before it existed: Gale & Church's deletions.
                UnmatchedItemCost = o["unmatchedItemCost"] is null ? 0 : Number(o, "unmatchedItemCost"),
                DeletionOpenCost = o["deletionOpenCost"] is null ? 0 : Number(o, "deletionOpenCost"),
                DeletionRates = o["deletionRates"] is not JsonArray rates ? null : [.. rates.Select(Rate)],
                Confidence = new ConfidenceModel(Number(c, "intercept"), Number(c, "cost"), Number(c, "coverage"),
                    Number(c, "anchorWeight"), Number(c, "oneToOne"), Number(c, "empty"),
                    c["emptyAnchorWeight"] is null ? 0 : Number(c, "emptyAnchorWeight")),
                Untranslated = o["untranslated"] is not { } u ? null : ReadUntranslated(u, nested),
            };
            Validate(p);
            // Validates every value the way the aligner will.
            _ = new DocumentAlignerOptions { Parameters = p }.CoreOptions();
            return p;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static UntranslatedPassages ReadUntranslated(JsonNode u, bool nested)
    {
        if (nested) throw new FormatException("\"untranslated\": the parameters for untranslated passages cannot hold their own");
        double share = Number(u, "minBlockShare");
        InRange("untranslated.minBlockShare", share, 0, 1);
        AlignmentParameters inner;
        try { inner = FromNode(u["parameters"] ?? throw Missing("untranslated.parameters"), nested: true); }
        catch (FormatException e) when (e.Message != "\"untranslated.parameters\" is missing") { throw new FormatException($"\"untranslated.parameters\": {e.Message}", e); }
        return new UntranslatedPassages(inner, share);
    }

    /// <summary>Writes the parameters to a file (<see cref="ToJson"/>), replacing it if it exists.</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        await File.WriteAllTextAsync(path, ToJson(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a parameter file.</summary>
    /// <exception cref="FormatException">The file is not a valid parameter file (the message names the file).</exception>
    public static async Task<AlignmentParameters> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        try { return FromJson(text); }
        catch (FormatException e) { throw new FormatException($"{path}: {e.Message}", e); }
    }

    /// <summary>The bounds of the remarks above; each failure names the field.</summary>
    private static void Validate(AlignmentParameters p)
    {
        if (p.LengthRatio is { } c) InRange("lengthRatio", c, 0.001, 1000);
        InRange("variance", p.Variance, 0.001, 1e6);
        InRange("anchorWeight", p.AnchorWeight, 0, MaxAnchorWeight);
        InRange("unmatchedItemCost", p.UnmatchedItemCost, 0, 20);
        InRange("deletionOpenCost", p.DeletionOpenCost, 0, 20);
        foreach (var b in p.Beads)
            if (!(b.Probability > 0 && b.Probability <= 1))
                throw new FormatException($"\"beads\": the {b.SourceCount}-{b.TargetCount} bead's probability must be in (0, 1] (got {Show(b.Probability)})");
        bool deletion = false, insertion = false;
        foreach (var b in p.Beads)
        {
            deletion |= b.SourceCount == 1 && b.TargetCount == 0;
            insertion |= b.SourceCount == 0 && b.TargetCount == 1;
        }
        if (p.Untranslated is { } u && u.Parameters.Length != p.Length)
            throw new FormatException("\"untranslated.parameters\": \"length\" must be the enclosing parameters' measure (both align one prepared document)");
        if (!deletion || !insertion)
            throw new FormatException("\"beads\": a 1-0 and a 0-1 bead are needed: without them some pairs of sentence counts (e.g. 2 against 1 with only 1-1 beads) cannot be aligned at all");
        var k = p.Confidence;
        foreach (var (name, v) in new[] { ("intercept", k.Intercept), ("cost", k.Cost), ("coverage", k.Coverage), ("anchorWeight", k.AnchorWeight), ("oneToOne", k.OneToOne), ("empty", k.Empty), ("emptyAnchorWeight", k.EmptyAnchorWeight) })
            InRange($"confidence.{name}", v, -1e6, 1e6);
    }

    /// <summary>Largest λ a parameter file may give (fitted values are at most 4).</summary>
    private const double MaxAnchorWeight = 100;

    private static void InRange(string field, double value, double min, double max)
    {
        if (!(value >= min && value <= max))   // false for NaN too
            throw new FormatException($"\"{field}\" must be between {Show(min)} and {Show(max)} (got {Show(value)})");
    }

    private static string Show(double x) => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    internal static string LengthName(LengthMeasure m) => m switch
    {
        LengthMeasure.Characters => "chars",
        LengthMeasure.Tokens => "tokens",
        _ => "bytes",
    };

    
    private static FormatException Missing(string field) => new($"\"{field}\" is missing");

    private static double Number(JsonNode node, string field)
    {
        var v = node[field] ?? throw Missing(field);
        try { return v.GetValue<double>(); }
        catch (Exception e) when (e is FormatException or InvalidOperationException) { throw new FormatException($"\"{field}\" must be a number", e); }
    }

    private static double Rate(JsonNode? node)
    {
        double r;
        try { r = node?.GetValue<double>() ?? double.NaN; }
        catch (Exception e) when (e is FormatException or InvalidOperationException) { throw new FormatException("\"deletionRates\" must hold numbers", e); }
        if (!(r > 0 && r < 1)) throw new FormatException($"\"deletionRates\": {r} is not in (0, 1)");
        return r;
    }

    private static int Int(JsonNode node, string field)
    {
        var v = node[field] ?? throw Missing(field);
        try { return v.GetValue<int>(); }
        catch (Exception e) when (e is FormatException or InvalidOperationException) { throw new FormatException($"\"{field}\" must be an integer", e); }
    }
}
