using System.Text;
using Taiyaku.Japanese;

namespace Taiyaku.Japanese.Tests;

[CollectionDefinition("dictionary")]
public sealed class DictionaryCollection : ICollectionFixture<DictionaryFixture>;
