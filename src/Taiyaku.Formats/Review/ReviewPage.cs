using System.Text;
using System.Text.Json;

namespace Taiyaku.Formats.Review;

/// <summary>
/// The review page: one self-contained HTML file (inline CSS and script, nothing fetched) with the path plot on top and
/// one row per link. The documents' text travels only as JSON inside a <c>script type="application/json"</c> element,
/// with &lt; &gt; &amp; U+2028 U+2029 written as \uXXXX, and the page puts it on screen with textContent only, so no
/// text can close the element, open a comment or run.
/// </summary>
internal static class ReviewPage
{
    private const string DataMark = "@@DATA@@", PlotMark = "@@PLOT@@";

    public static void Write(Stream output, ReviewDocument doc)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(doc);
        string template = Template.Value;
        int data = template.IndexOf(DataMark, StringComparison.Ordinal), plot = template.IndexOf(PlotMark, StringComparison.Ordinal);
        var utf8 = new UTF8Encoding(false);
        output.Write(utf8.GetBytes(template[..plot]));
        output.Write(utf8.GetBytes(PathPlot.Svg(doc)));
        output.Write(utf8.GetBytes(template[(plot + PlotMark.Length)..data]));
        output.Write(Json(doc));
        output.Write(utf8.GetBytes(template[(data + DataMark.Length)..]));
    }

    /// <summary>The page's data, safe to stand inside a script element.</summary>
    internal static byte[] Json(ReviewDocument doc)
    {
        var m = new MemoryStream();
        using (var json = new Utf8JsonWriter(m, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("title", Text(doc.Title));
            json.WriteString("name", Text(doc.Name));
            json.WriteString("sourceLanguage", doc.Options.SourceLanguage);
            json.WriteString("targetLanguage", doc.Options.TargetLanguage);
            json.WriteString("tool", "taiyaku " + ProductVersion.Current);
            Strings(json, "source", doc.Source);
            Strings(json, "target", doc.Target);
            json.WriteStartArray("rows");
            foreach (var r in doc.Rows)
            {
                json.WriteStartObject();
                if (r.Kind == AlignedKind.Link)
                {
                    json.WriteStartArray("s");
                    foreach (int i in r.Link.Source) json.WriteNumberValue(i);
                    json.WriteEndArray();
                    json.WriteStartArray("t");
                    foreach (int i in r.Link.Target) json.WriteNumberValue(i);
                    json.WriteEndArray();
                    if (double.IsFinite(r.Score)) json.WriteNumber("score", Math.Round(r.Score, 4));
                }
                else
                {
                    json.WriteString("kind", r.Kind == AlignedKind.Furniture ? "furniture" : "metadata");
                    json.WriteString("side", r.SourceSide ? "source" : "target");
                    json.WriteString("text", Text(r.Text));
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return ScriptSafe(m.ToArray());

        static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> list)
        {
            json.WriteStartArray(name);
            foreach (var s in list) json.WriteStringValue(Text(s));
            json.WriteEndArray();
        }
    }

    // A lone surrogate cannot be written as UTF-8: it becomes U+FFFD, as the TMX writer does.
    private static string Text(string s)
    {
        foreach (char c in s)
            if (char.IsSurrogate(c)) return Repair(s);
        return s;

        static string Repair(string s)
        {
            var sb = new StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(s, i, 2); i++; }
                else sb.Append(char.IsSurrogate(s[i]) ? '\uFFFD' : s[i]);
            }
            return sb.ToString();
        }
    }

    /// <summary>
    /// JSON whose &lt;, &gt;, &amp;, U+2028 and U+2029 are \uXXXX escapes. Outside strings JSON has none of them, so this
    /// changes no value; inside, it leaves nothing an HTML parser could take for a tag, comment or character reference.
    /// </summary>
    internal static byte[] ScriptSafe(byte[] json)
    {
        var o = new List<byte>(json.Length + json.Length / 16);
        for (int i = 0; i < json.Length; i++)
        {
            byte b = json[i];
            if (b is (byte)'<' or (byte)'>' or (byte)'&') Escape(o, b);
            else if (b == 0xE2 && i + 2 < json.Length && json[i + 1] == 0x80 && json[i + 2] is 0xA8 or 0xA9)
            {
                Escape(o, json[i + 2] == 0xA8 ? 0x2028 : 0x2029);
                i += 2;
            }
            else o.Add(b);
        }
        return o.ToArray();

        static void Escape(List<byte> o, int c)
        {
            foreach (char ch in $"\\u{c:X4}") o.Add((byte)ch);
        }
    }

    private static readonly Lazy<string> Template = new(() =>
    {
        using var s = typeof(ReviewPage).Assembly.GetManifestResourceStream("Taiyaku.Formats.Review.review.html")
            ?? throw new InvalidOperationException("The review page template is missing from the assembly.");
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    });
}
