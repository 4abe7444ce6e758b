using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Taiyaku.Cli;

/// <summary>What kind of file a path names.</summary>
internal enum FileKind { Missing, Regular, Directory, CharacterDevice, BlockDevice, Fifo, Socket, SymbolicLink, Other }

/// <summary>
/// The identity (device and inode) and kind of a file, from <c>statx(2)</c> on Linux. Elsewhere the identity is the
/// fully resolved path and the kind is what .NET can tell (regular file, folder or missing).
/// </summary>
internal readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode, string ResolvedPath)
{
    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>True when both name the same existing file.</summary>
    public bool SameFileAs(FileStatus other) =>
        Kind != FileKind.Missing && other.Kind != FileKind.Missing &&
        (OperatingSystem.IsLinux() ? Device == other.Device && Inode == other.Inode
                                    : string.Equals(ResolvedPath, other.ResolvedPath, StringComparison.Ordinal));

    /// <summary>The file <paramref name="path"/> names; <paramref name="followLinks"/>: of a symbolic link, its target.</summary>
    public static FileStatus Of(string path, bool followLinks = true)
    {
        string full = Path.GetFullPath(path);
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            var name = Encoding.UTF8.GetBytes(full + "\0");
            if (statx(AtFdCwd, name, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
                return new FileStatus(FileKind.Missing, 0, 0, full);
            // struct statx: stx_mode at 28 (u16), stx_ino at 32, stx_dev_major/minor at 136/140 (the layout is fixed
            // on every architecture).
            int mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28)) & 0xF000;
            ulong ino = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32));
            ulong dev = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(136)) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(140));
            var kind = mode switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                0x1000 => FileKind.Fifo,
                0xC000 => FileKind.Socket,
                0xA000 => FileKind.SymbolicLink,
                _ => FileKind.Other,
            };
            return new FileStatus(kind, dev, ino, full);
        }
        var info = new FileInfo(full);
        if (!followLinks && info.LinkTarget != null) return new FileStatus(FileKind.SymbolicLink, 0, 0, full);
        string resolved = info.LinkTarget != null ? (info.ResolveLinkTarget(true)?.FullName ?? full) : full;
        if (Directory.Exists(resolved)) return new FileStatus(FileKind.Directory, 0, 0, resolved);
        return new FileStatus(File.Exists(resolved) ? FileKind.Regular : FileKind.Missing, 0, 0, resolved);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);
}
