using Taiyaku.Formats;
using Taiyaku.Text;

namespace Taiyaku.Cli.Commands;

/// <summary><c>segment</c>: prints the sentences of a raw document, one per line.</summary>
internal sealed class SegmentCommand : ICommand
{
    public string Name => "segment";

    public string Summary => "split a raw document into sentences, one per line";

    public string Help => $"""
        Usage: taiyaku segment --lang ja|en [--in FILE] [--out FILE] [--line-breaks MODE] [--encoding NAME] [--replace-invalid]

        Prints the sentences of a raw document, one per line: the sentences 'taiyaku align' aligns, in order
        (line i is sentence i). Wrapped lines are joined, headings and list items stand alone, and page
        furniture (stamps, running heads, page numbers) is left out. How the lines were read (hard-wrapped,
        one paragraph per line, mixed) goes to stderr.

          --lang LANG        ja or en{AlignerSetup.LineBreaksHelp.TrimEnd()}
          --in FILE          the document (default: stdin)
          --out FILE         write here instead of stdout (UTF-8)
        {InputDecoding.HelpLines}
          -h, --help         show this help

        Exit codes: 0 ok, 1 input or output error, 2 usage error, 128 + signal when interrupted.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var cl = CommandLine.Parse(args, ["lang", "in", "out", "line-breaks", .. InputDecoding.ValueOptions], InputDecoding.Flags);
        string lang = cl.Get("lang") ?? throw new UsageException("option --lang is required");
        lang = cl.Choice("lang", lang, "ja", "en");
        string? input = cl.Get("in");
        var decoding = InputDecoding.FromCommandLine(cl, context.StdErr);
        string text = input == null
            ? decoding.Decode(decoding.Limits.ReadAll(context.StdIn, "<stdin>", context.Cancellation), "<stdin>")
            : InputFiles.ReadDocument(input, context.Cancellation, decoding);
        var segmenter = new SentenceSegmenter(new SegmenterOptions { LineBreaks = AlignerSetup.ParseLineBreaks(cl) });
        var doc = lang == "ja" ? segmenter.SegmentJapanese(text, context.Cancellation) : segmenter.SegmentEnglish(text, context.Cancellation);
        context.StdErr.WriteLine($"taiyaku segment: {Describe(doc.Layout)}, {doc.Sentences.Count} sentences");
        OutputFile.Write(cl.Get("out"), context.StdOut, [input], s =>
        {
            using var w = new StreamWriter(s, TextFiles.StrictUtf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            foreach (var sentence in doc.Sentences) w.WriteLine(sentence.Text.ReplaceLineEndings(" "));
        });
        return ExitCodes.Ok;
    }

    internal static string Describe(TextLayout layout) => layout switch
    {
        TextLayout.HardWrapped => "lines read as hard-wrapped text",
        TextLayout.Mixed => "lines read as mixed (some blocks hard-wrapped, others one paragraph per line)",
        _ => "lines read as one paragraph per line",
    };


}
