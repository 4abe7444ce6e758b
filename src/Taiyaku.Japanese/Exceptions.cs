namespace Taiyaku.Japanese;

/// <summary>A dictionary file is missing, truncated or corrupted; the message names the file and the problem.</summary>
public sealed class DictionaryFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="filePath"/>.</summary>
    public DictionaryFormatException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file that is wrong.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}

/// <summary>No MeCab dictionary directory was found; the message lists every place that was tried.</summary>
public sealed class DictionaryNotFoundException : Exception
{
    /// <summary>Creates the exception from the list of places tried.</summary>
    public DictionaryNotFoundException(IReadOnlyList<string> tried)
        : base("no MeCab dictionary found (a folder with sys.dic, matrix.bin, char.bin, unk.dic, dicrc); tried:"
               + string.Concat(tried.Select(t => Environment.NewLine + "  " + t))
               + Environment.NewLine + "install one (e.g. apt-get install mecab-ipadic-utf8) or give its folder explicitly.")
    {
        Tried = tried;
    }

    /// <summary>The places that were tried, with why each was rejected.</summary>
    public IReadOnlyList<string> Tried { get; }
}
