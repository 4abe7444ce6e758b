using System.Text;
using Taiyaku.Japanese;

namespace Taiyaku.Japanese.Tests;

/// <summary>One dictionary for the whole test run (opening it is cheap, but sharing it is the intended use).</summary>
public sealed class DictionaryFixture : IDisposable
{
    /// <summary>The shared dictionary (opened on first use; its absence fails the test).</summary>
    public MecabDictionary Dictionary => _dictionary.Value;

    private readonly Lazy<MecabDictionary> _dictionary = new(() => MecabDictionary.Open(TestPaths.Dictionary));

    /// <summary>The dictionary.</summary>
    public MecabDictionary Require() => Dictionary;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_dictionary.IsValueCreated) _dictionary.Value.Dispose();
    }
}
