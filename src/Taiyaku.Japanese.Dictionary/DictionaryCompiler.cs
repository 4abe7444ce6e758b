using System.Buffers.Binary;
using System.Text;

namespace Taiyaku.Japanese.Dictionary;

/// <summary>
/// Compiles MeCab dictionary sources into MeCab's binary dictionary files, as <c>mecab-dict-index</c> does.
/// </summary>
public static class DictionaryCompiler
{
    /// <summary>File names of a compiled system dictionary.</summary>
    public static IReadOnlyList<string> SystemDictionaryFiles { get; } = ["sys.dic", "unk.dic", "char.bin", "matrix.bin", "dicrc"];

    /// <summary>
    /// Compiles a system dictionary: from <c>*.csv</c>, <c>matrix.def</c>, <c>char.def</c>, <c>unk.def</c>,
    /// <c>dicrc</c> (and <c>pos-id.def</c> when present) in <paramref name="sourceDirectory"/>, writes
    /// <c>sys.dic</c>, <c>unk.dic</c>, <c>char.bin</c>, <c>matrix.bin</c> and <c>dicrc</c> (with its
    /// <c>config-charset</c> set to the output charset) into <paramref name="outputDirectory"/>.
    /// Outputs appear all together at the end; on error none is written or changed.
    /// </summary>
    /// <param name="sourceDirectory">Folder with the dictionary sources.</param>
    /// <param name="outputDirectory">Folder to write into; created when missing.</param>
    /// <param name="options">Charsets and lexicon files; defaults as documented on <see cref="DictionaryCompileOptions"/>.</param>
    /// <param name="cancellationToken">Cancels the compilation; nothing is written then.</param>
    /// <returns>The number of lexicon entries and any warnings.</returns>
    /// <exception cref="DictionaryCompileException">A source file is missing or invalid.</exception>
    public static DictionaryCompileResult CompileSystem(
        string sourceDirectory,
        string outputDirectory,
        DictionaryCompileOptions? options = null,
        CancellationToken cancellationToken = default) =>
        CompileSystem(sourceDirectory, outputDirectory, options, null, cancellationToken);

    /// <summary>
    /// Compiles a system dictionary as <see cref="CompileSystem(string, string, DictionaryCompileOptions?, CancellationToken)"/>
    /// does, telling <paramref name="progress"/> of each source file read.
    /// </summary>
    /// <param name="sourceDirectory">Folder with the dictionary sources.</param>
    /// <param name="outputDirectory">Folder to write into; created when missing.</param>
    /// <param name="options">Charsets and lexicon files; defaults as documented on <see cref="DictionaryCompileOptions"/>.</param>
    /// <param name="progress">Told of each source file read, from the threads that read them (it must be thread-safe); null for no reports.</param>
    /// <param name="cancellationToken">Cancels the compilation; nothing is written then.</param>
    /// <returns>The number of lexicon entries and any warnings.</returns>
    /// <exception cref="DictionaryCompileException">A source file is missing or invalid.</exception>
    public static DictionaryCompileResult CompileSystem(
        string sourceDirectory,
        string outputDirectory,
        DictionaryCompileOptions? options,
        IProgress<DictionarySourceRead>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceDirectory);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        options ??= new DictionaryCompileOptions();
        if (!Directory.Exists(sourceDirectory))
            throw new DictionaryCompileException(sourceDirectory, 0, "no such directory");

        string Src(string name) => Path.Combine(sourceDirectory, name);
        var dicrcPath = Src("dicrc");
        if (!File.Exists(dicrcPath)) throw new DictionaryCompileException(dicrcPath, 0, "no such file");
        var dicrc = SourceText.Read(dicrcPath);
        var configName = ReadConfigCharset(dicrc);
        var configCharset = configName is null ? null : Charset.FromName(configName)
            ?? throw new DictionaryCompileException(dicrcPath, 0, $"unknown config-charset '{configName}'");
        var from = options.SourceEncoding is { } se ? Charset.From(se) : configCharset ?? Charset.Utf8;
        var to = options.OutputEncoding is { } oe ? Charset.From(oe) : Charset.Utf8;
        if (options.OutputCharsetName is { Length: > 0 } given) to = to.Named(given);
        configCharset ??= from;

        var lexiconFiles = options.LexiconFiles?.Select(f => Path.IsPathRooted(f) ? f : Src(f)).ToList()
            ?? [.. Directory.EnumerateFiles(sourceDirectory, "*")
                .Where(f => Path.GetFileName(f).Length >= 5 && Path.GetExtension(f).Equals(".csv", StringComparison.OrdinalIgnoreCase))];
        if (lexiconFiles.Count == 0) throw new DictionaryCompileException(sourceDirectory, 0, "no dictionaries (*.csv) found");

        var matrixPath = Src("matrix.def");
        var unkPath = Src("unk.def");
        int fileCount = lexiconFiles.Count + (File.Exists(matrixPath) ? 1 : 0) + (File.Exists(unkPath) ? 1 : 0), filesRead = 0;
        void Read(string path, int lines, int entries) =>
            progress?.Report(new DictionarySourceRead(path, lines, entries, Interlocked.Increment(ref filesRead), fileCount));
        byte[] matrixBin;
        int lsize, rsize;
        Task<byte[]>? matrixTask = null;
        if (File.Exists(matrixPath))
        {
            var matrixText = SourceText.Read(matrixPath);
            (lsize, rsize) = MatrixDefinition.ReadSize(matrixText);
            // The matrix is independent of the lexicon: compile it on the other core.
            matrixTask = Task.Run(() =>
            {
                var (bytes, lines, costs) = MatrixDefinition.CompileCounting(matrixText, cancellationToken);
                Read(matrixPath, lines, costs);
                return bytes;
            }, cancellationToken);
        }
        else
        {
            (lsize, rsize) = (1, 1);
        }

        var chars = CharDefinition.Load(Src("char.def"));
        var posIds = PosIdGenerator.Load(Src("pos-id.def"), configCharset);
        var warnings = new List<string>();
        var reader = new LexiconReader(from, to, posIds, lsize, rsize,
            new Lazy<ContextIdAssigner>(() => ContextIdAssigner.Load(sourceDirectory, configCharset, lsize, rsize)));

        var unkText = File.Exists(unkPath) ? SourceText.Read(unkPath) : null;
        List<LexiconEntry> unkEntries;
        if (unkText is null)
        {
            unkEntries = [.. new[] { "DEFAULT", "SPACE" }.Select(n => new LexiconEntry(Encoding.ASCII.GetBytes(n), 0, 0, (ushort)posIds.Id("*"), 0, "*"u8.ToArray()))];
            warnings.Add($"{unkPath}: not found, minimum setting used");
        }
        else
        {
            unkEntries = reader.Read(unkText, new HashSet<string>(chars.CategoryNames, StringComparer.Ordinal), warnings, cancellationToken, out int unkLines);
            Read(unkPath, unkLines, unkEntries.Count);
        }

        var unkNames = new HashSet<string>(unkEntries.Select(e => Encoding.ASCII.GetString(e.Surface)), StringComparer.Ordinal);
        foreach (var name in chars.CategoryNames)
        {
            if (!unkNames.Contains(name)) throw new DictionaryCompileException(unkPath, 0, $"category [{name}] is undefined in unk.def");
        }

        // Files are read in parallel and concatenated in the given order, so the result does not depend on timing.
        var perFile = new List<LexiconEntry>[lexiconFiles.Count];
        var perFileWarnings = new List<string>[lexiconFiles.Count];
        var failures = new Exception?[lexiconFiles.Count];
        Parallel.For(0, lexiconFiles.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            perFileWarnings[i] = [];
            try
            {
                perFile[i] = reader.Read(SourceText.Read(lexiconFiles[i]), null, perFileWarnings[i], cancellationToken, out int lines);
                Read(lexiconFiles[i], lines, perFile[i].Count);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });

        // Report the error of the first file in reading order, as a sequential compiler would.
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        var lexicon = new List<LexiconEntry>(perFile.Sum(l => l.Count));
        for (var i = 0; i < perFile.Length; i++)
        {
            lexicon.AddRange(perFile[i]);
            warnings.AddRange(perFileWarnings[i]);
        }

        var sysDic = DictionaryWriter.Build(lexicon, 0, lsize, rsize, to.Name, sourceDirectory);
        var unkDic = DictionaryWriter.Build(unkEntries, 2, lsize, rsize, to.Name, unkPath);
        var charBin = chars.Compile();
        if (matrixTask is not null)
        {
            matrixBin = matrixTask.GetAwaiter().GetResult();
        }
        else
        {
            matrixBin = new byte[6];
            BinaryPrimitives.WriteUInt16LittleEndian(matrixBin, 1);
            BinaryPrimitives.WriteUInt16LittleEndian(matrixBin.AsSpan(2), 1);
        }

        var dicrcOut = ConvertDicrc(dicrc, configCharset, to);
        cancellationToken.ThrowIfCancellationRequested();

        using var tx = new OutputTransaction();
        string Out(string name) => Path.Combine(outputDirectory, name);
        tx.Write(Out("char.bin"), charBin);
        tx.Write(Out("unk.dic"), unkDic);
        tx.Write(Out("sys.dic"), sysDic);
        tx.Write(Out("matrix.bin"), matrixBin);
        tx.Write(Out("dicrc"), dicrcOut);
        if (options.CopyDefinitionFiles)
        {
            foreach (var (name, bytes) in ContextIdAssigner.Convert(sourceDirectory, configCharset, to)) tx.Write(Out(name), bytes);
        }

        tx.Commit();
        return new DictionaryCompileResult(lexicon.Count, warnings);
    }

    /// <summary>
    /// Compiles a user dictionary from one CSV (<c>surface,left_id,right_id,cost,features…</c>), as
    /// <c>mecab-dict-index -d SYSDIC -u OUT CSV</c> does. The context ids must exist in the system dictionary's
    /// matrix; a negative id has both ids derived from the features through <c>rewrite.def</c>,
    /// <c>left-id.def</c> and <c>right-id.def</c> in <paramref name="systemDictionaryDirectory"/> (see
    /// <see cref="DictionaryCompileOptions.CopyDefinitionFiles"/>). The charset and matrix size come from its
    /// <c>sys.dic</c>. Use the result with <c>mecab -u OUT</c>.
    /// </summary>
    /// <param name="csvPath">The user lexicon.</param>
    /// <param name="systemDictionaryDirectory">A compiled system dictionary (with sys.dic; pos-id.def is used when present).</param>
    /// <param name="outputPath">The user dictionary file to write; replaced only on success.</param>
    /// <param name="sourceEncoding">Encoding of the CSV; <see langword="null"/> means UTF-8.</param>
    /// <param name="cancellationToken">Cancels the compilation; nothing is written then.</param>
    /// <returns>The number of entries and any warnings.</returns>
    /// <exception cref="DictionaryCompileException">The CSV or the system dictionary is invalid.</exception>
    public static DictionaryCompileResult CompileUser(
        string csvPath,
        string systemDictionaryDirectory,
        string outputPath,
        Encoding? sourceEncoding = null,
        CancellationToken cancellationToken = default) =>
        CompileUser([csvPath], systemDictionaryDirectory, outputPath, sourceEncoding, cancellationToken);

    /// <summary>Compiles a user dictionary from several CSVs, read in the given order. See the single-file overload.</summary>
    /// <param name="csvPaths">The user lexicons.</param>
    /// <param name="systemDictionaryDirectory">A compiled system dictionary (with sys.dic; pos-id.def is used when present).</param>
    /// <param name="outputPath">The user dictionary file to write; replaced only on success.</param>
    /// <param name="sourceEncoding">Encoding of the CSVs; <see langword="null"/> means UTF-8.</param>
    /// <param name="cancellationToken">Cancels the compilation; nothing is written then.</param>
    /// <returns>The number of entries and any warnings.</returns>
    /// <exception cref="DictionaryCompileException">A CSV or the system dictionary is invalid.</exception>
    public static DictionaryCompileResult CompileUser(
        IReadOnlyList<string> csvPaths,
        string systemDictionaryDirectory,
        string outputPath,
        Encoding? sourceEncoding = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputPath);
        var (bytes, result) = BuildUser(csvPaths, systemDictionaryDirectory, sourceEncoding, cancellationToken);
        using var tx = new OutputTransaction();
        tx.Write(outputPath, bytes);
        tx.Commit();
        return result;
    }

    /// <summary>
    /// Compiles a user dictionary from several CSVs and writes it to <paramref name="output"/>, for callers that manage
    /// the output file themselves (the <c>taiyaku dict</c> command writes through its own output module). Nothing is
    /// written when compilation fails.
    /// </summary>
    /// <param name="csvPaths">The user lexicons.</param>
    /// <param name="systemDictionaryDirectory">A compiled system dictionary (with sys.dic; pos-id.def is used when present).</param>
    /// <param name="output">Receives the compiled dictionary; not closed.</param>
    /// <param name="sourceEncoding">Encoding of the CSVs; <see langword="null"/> means UTF-8.</param>
    /// <param name="cancellationToken">Cancels the compilation; nothing is written then.</param>
    /// <returns>The number of entries and any warnings.</returns>
    /// <exception cref="DictionaryCompileException">A CSV or the system dictionary is invalid.</exception>
    public static DictionaryCompileResult CompileUser(
        IReadOnlyList<string> csvPaths,
        string systemDictionaryDirectory,
        Stream output,
        Encoding? sourceEncoding = null,
        CancellationToken cancellationToken = default) =>
        CompileUser(csvPaths, systemDictionaryDirectory, output, sourceEncoding, null, cancellationToken);

    /// <summary>
    /// Compiles a user dictionary and writes it to <paramref name="output"/> as
    /// <see cref="CompileUser(IReadOnlyList{string}, string, Stream, Encoding?, CancellationToken)"/> does, telling
    /// <paramref name="progress"/> of each CSV read.
    /// </summary>
    /// <param name="csvPaths">The user lexicons.</param>
    /// <param name="systemDictionaryDirectory">A compiled system dictionary (with sys.dic; pos-id.def is used when present).</param>
    /// <param name="output">Receives the compiled dictionary; not closed.</param>
    /// <param name="sourceEncoding">Encoding of the CSVs; <see langword="null"/> means UTF-8.</param>
    /// <param name="progress">Told of each CSV read; null for no reports.</param>
    /// <param name="cancellationToken">Cancels the compilation; nothing is written then.</param>
    /// <returns>The number of entries and any warnings.</returns>
    /// <exception cref="DictionaryCompileException">A CSV or the system dictionary is invalid.</exception>
    public static DictionaryCompileResult CompileUser(
        IReadOnlyList<string> csvPaths,
        string systemDictionaryDirectory,
        Stream output,
        Encoding? sourceEncoding,
        IProgress<DictionarySourceRead>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (bytes, result) = BuildUser(csvPaths, systemDictionaryDirectory, sourceEncoding, cancellationToken, progress);
        output.Write(bytes);
        return result;
    }

    private static (byte[] Bytes, DictionaryCompileResult Result) BuildUser(
        IReadOnlyList<string> csvPaths, string systemDictionaryDirectory, Encoding? sourceEncoding, CancellationToken cancellationToken,
        IProgress<DictionarySourceRead>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(csvPaths);
        ArgumentNullException.ThrowIfNull(systemDictionaryDirectory);
        if (csvPaths.Count == 0) throw new ArgumentException("no dictionaries are specified", nameof(csvPaths));

        var sysPath = Path.Combine(systemDictionaryDirectory, "sys.dic");
        var (lsize, rsize, charsetName) = ReadHeader(sysPath);
        var to = Charset.FromName(charsetName)
            ?? throw new DictionaryCompileException(sysPath, 0, $"unknown charset '{charsetName}' in the header");
        var from = sourceEncoding is null ? Charset.Utf8 : Charset.From(sourceEncoding);

        var dicrcPath = Path.Combine(systemDictionaryDirectory, "dicrc");
        Charset? configCharset = null;
        if (File.Exists(dicrcPath) && ReadConfigCharset(SourceText.Read(dicrcPath)) is { } cfg) configCharset = Charset.FromName(cfg);
        var posIds = PosIdGenerator.Load(Path.Combine(systemDictionaryDirectory, "pos-id.def"), configCharset ?? to);

        var warnings = new List<string>();
        var reader = new LexiconReader(from, to, posIds, lsize, rsize,
            new Lazy<ContextIdAssigner>(() => ContextIdAssigner.Load(systemDictionaryDirectory, configCharset ?? to, lsize, rsize)));
        var entries = new List<LexiconEntry>();
        var filesRead = 0;
        foreach (var csv in csvPaths)
        {
            if (!File.Exists(csv)) throw new DictionaryCompileException(csv, 0, "no such file");
            var read = reader.Read(SourceText.Read(csv), null, warnings, cancellationToken, out int lines);
            entries.AddRange(read);
            progress?.Report(new DictionarySourceRead(csv, lines, read.Count, ++filesRead, csvPaths.Count));
        }

        // The user dictionary carries the system dictionary's charset name so that MeCab finds them compatible.
        var bytes = DictionaryWriter.Build(entries, 1, lsize, rsize, charsetName, csvPaths[0]);
        cancellationToken.ThrowIfCancellationRequested();
        return (bytes, new DictionaryCompileResult(entries.Count, warnings));
    }

    private static (int Left, int Right, string Charset) ReadHeader(string sysPath)
    {
        if (!File.Exists(sysPath)) throw new DictionaryCompileException(sysPath, 0, "no such file (a compiled system dictionary is needed)");
        var header = new byte[DictionaryWriter.HeaderSize];
        using (var fs = File.OpenRead(sysPath))
        {
            if (fs.Length < 100 || fs.ReadAtLeast(header, header.Length, false) != header.Length
                || (BinaryPrimitives.ReadUInt32LittleEndian(header) ^ DictionaryWriter.MagicId) != fs.Length)
                throw new DictionaryCompileException(sysPath, 0, "dictionary file is broken");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)) != DictionaryWriter.Version)
            throw new DictionaryCompileException(sysPath, 0, "incompatible dictionary version");
        var l = (int)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16));
        var r = (int)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20));
        var name = header.AsSpan(40, 32);
        var nul = name.IndexOf((byte)0);
        return (l, r, Encoding.ASCII.GetString(nul < 0 ? name : name[..nul]));
    }

    /// <summary>The value of dicrc's config-charset (ASCII key and value, so readable before the charset is known).</summary>
    private static string? ReadConfigCharset(SourceText dicrc)
    {
        foreach (var line in dicrc.Lines())
        {
            var s = Encoding.Latin1.GetString(dicrc.Span(line)).Trim();
            if (s.Length == 0 || s[0] == ';' || s[0] == '#') continue;
            var eq = s.IndexOf('=');
            if (eq > 0 && s[..eq].Trim() == "config-charset") return s[(eq + 1)..].Trim();
        }

        return null;
    }

    /// <summary>
    /// dicrc for the output: unchanged when the charset is unchanged (or UTF-16), otherwise re-encoded with
    /// config-charset set to the output charset (what Debian's mecab-ipadic-utf8 does to IPADIC's dicrc).
    /// </summary>
    private static byte[] ConvertDicrc(SourceText dicrc, Charset config, Charset to)
    {
        // mecab reads dicrc as lines of bytes, so a UTF-16 dicrc would be unreadable: keep the source's then.
        if (config.SameAs(to) || to.CodePage is 1200 or 1201) return dicrc.Bytes;
        string text;
        try
        {
            text = config.Decode(dicrc.Bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new DictionaryCompileException(dicrc.Path, 0, $"wrong encoding: not {config.Name}", e);
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var eq = lines[i].IndexOf('=');
            if (eq > 0 && !lines[i].TrimStart().StartsWith(';') && lines[i][..eq].Trim() == "config-charset")
                lines[i] = lines[i][..(eq + 1)] + " " + to.Name;
        }

        try
        {
            return to.Encode(string.Join('\n', lines));
        }
        catch (EncoderFallbackException e)
        {
            throw new DictionaryCompileException(dicrc.Path, 0, $"cannot be represented in {to.Name}", e);
        }
    }
}
