using System.Buffers.Binary;
using System.Text;

namespace ArtifactTools.Runtime;

/// <summary>
/// Relaxes one symbol-version requirement of an ELF64 little-endian shared library so that it loads against an
/// older libstdc++ (see docs: TorchSharp 0.107's LibTorchSharp needs GLIBCXX_3.4.32 for a single symbol,
/// std::ios_base_library_init, that nothing calls by address at run time).
/// The version requirement is marked weak and every symbol bound to it becomes a weak, unversioned import.
/// </summary>
public static class ElfSymbolVersionPatcher
{
    const uint ShtDynsym = 11, ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;
    const ushort VerFlgWeak = 0x2, VerNdxGlobal = 1;
    const byte StbWeak = 2;

    readonly record struct Section(uint Type, long Offset, long Size, uint Link, long EntrySize);

    /// <summary>True when the library requires <paramref name="version"/> as a non-weak version.</summary>
    public static bool RequiresVersion(byte[] elf, string version) => FindRequirement(elf, version) is { Weak: false };

    /// <summary>Returns a patched copy of <paramref name="elf"/>; the input array is not modified.</summary>
    public static byte[] WeakenVersion(byte[] elf, string version)
    {
        var requirement = FindRequirement(elf, version)
            ?? throw new InvalidDataException($"The library does not require {version}.");
        var patched = (byte[])elf.Clone();
        var sections = ReadSections(patched);
        var span = patched.AsSpan();

        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(span[(int)(requirement.AuxOffset + 4)..]);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(int)(requirement.AuxOffset + 4)..], (ushort)(flags | VerFlgWeak));

        var dynsym = sections.Single(s => s.Type == ShtDynsym);
        var versym = sections.Single(s => s.Type == ShtGnuVersym);
        long count = dynsym.Size / dynsym.EntrySize;
        for (long i = 0; i < count; i++)
        {
            int versymAt = (int)(versym.Offset + 2 * i);
            ushort index = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(span[versymAt..]) & 0x7fff);
            if (index != requirement.Index) continue;
            int symAt = (int)(dynsym.Offset + i * dynsym.EntrySize);
            byte info = span[symAt + 4];
            span[symAt + 4] = (byte)((StbWeak << 4) | (info & 0xf));
            BinaryPrimitives.WriteUInt16LittleEndian(span[versymAt..], VerNdxGlobal);
        }
        return patched;
    }

    readonly record struct Requirement(long AuxOffset, ushort Index, bool Weak);

    static Requirement? FindRequirement(byte[] elf, string version)
    {
        var sections = ReadSections(elf);
        var span = elf.AsSpan();
        foreach (var verneed in sections.Where(s => s.Type == ShtGnuVerneed))
        {
            var strtab = sections[(int)verneed.Link];
            long entry = verneed.Offset;
            while (true)
            {
                ushort auxCount = BinaryPrimitives.ReadUInt16LittleEndian(span[(int)(entry + 2)..]);
                long aux = entry + BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(entry + 8)..]);
                for (int a = 0; a < auxCount; a++)
                {
                    ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(span[(int)(aux + 4)..]);
                    ushort other = BinaryPrimitives.ReadUInt16LittleEndian(span[(int)(aux + 6)..]);
                    uint name = BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(aux + 8)..]);
                    if (ReadString(span, strtab.Offset + name) == version)
                        return new Requirement(aux, other, (flags & VerFlgWeak) != 0);
                    aux += BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(aux + 12)..]);
                }
                uint next = BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(entry + 12)..]);
                if (next == 0) break;
                entry += next;
            }
        }
        return null;
    }

    static List<Section> ReadSections(byte[] elf)
    {
        var span = elf.AsSpan();
        if (elf.Length < 64 || span[0] != 0x7f || span[1] != (byte)'E' || span[2] != (byte)'L' || span[3] != (byte)'F'
            || span[4] != 2 || span[5] != 1)
            throw new InvalidDataException("Not an ELF64 little-endian file.");
        long shoff = BinaryPrimitives.ReadInt64LittleEndian(span[0x28..]);
        int shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        int shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        var sections = new List<Section>(shnum);
        for (int i = 0; i < shnum; i++)
        {
            var h = span[(int)(shoff + i * shentsize)..];
            sections.Add(new Section(
                Type: BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                Offset: BinaryPrimitives.ReadInt64LittleEndian(h[24..]),
                Size: BinaryPrimitives.ReadInt64LittleEndian(h[32..]),
                Link: BinaryPrimitives.ReadUInt32LittleEndian(h[40..]),
                EntrySize: BinaryPrimitives.ReadInt64LittleEndian(h[56..])));
        }
        return sections;
    }

    static string ReadString(ReadOnlySpan<byte> span, long offset)
    {
        var tail = span[(int)offset..];
        return Encoding.ASCII.GetString(tail[..tail.IndexOf((byte)0)]);
    }
}
