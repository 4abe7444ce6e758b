using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>Code-page encodings for fixtures (registers the provider before first use).</summary>
internal static class TestEncodings
{
    static TestEncodings()
    {
        // In the constructor body: field initializers would run before the registration.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        EucJp = Encoding.GetEncoding(51932);
    }

    public static Encoding EucJp { get; }
}
