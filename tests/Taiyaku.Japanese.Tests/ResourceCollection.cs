using System.Buffers.Binary;
using Taiyaku.Japanese;

namespace Taiyaku.Japanese.Tests;

/// <summary>Memory maps and file handles of dictionaries are released on dispose, also when opening fails.</summary>
[CollectionDefinition(nameof(ResourceTests), DisableParallelization = true)]
public sealed class ResourceCollection;
