using System.Buffers.Binary;
using System.Text;
using ArtifactTools.Runtime;

namespace ArtifactTools.Tests.Runtime;

/// <summary>The patcher on a hand-built ELF64 library that needs GLIBCXX_3.4.32 for one symbol and GLIBCXX_3.4 for
/// another, laid out as in libLibTorchSharp.so: .dynstr, .dynsym, .gnu.version and .gnu.version_r.</summary>
public class ElfSymbolVersionPatcherTests
{
    const string Newest = "GLIBCXX_3.4.32", Older = "GLIBCXX_3.4";
    const int SymbolSize = 24, DynsymAt = 0x100, VersymAt = 0x180, VerneedAt = 0x1C0, SectionsAt = 0x200;
    const ushort NewestIndex = 2, OlderIndex = 3;

    [Fact]
    public void Weakens_only_the_given_version_and_the_symbols_bound_to_it()
    {
        var elf = Library();
        var original = (byte[])elf.Clone();
        Assert.True(ElfSymbolVersionPatcher.RequiresVersion(elf, Newest));
        Assert.True(ElfSymbolVersionPatcher.RequiresVersion(elf, Older));
        Assert.False(ElfSymbolVersionPatcher.RequiresVersion(elf, "GLIBCXX_3.4.99"));

        var patched = ElfSymbolVersionPatcher.WeakenVersion(elf, Newest);

        Assert.Equal(original, elf); // the input is left as it was
        Assert.Equal(elf.Length, patched.Length);
        Assert.False(ElfSymbolVersionPatcher.RequiresVersion(patched, Newest)); // now weak
        Assert.True(ElfSymbolVersionPatcher.RequiresVersion(patched, Older));
        Assert.Equal((2 << 4) | 2, patched[DynsymAt + SymbolSize + 4]);     // symbol 1: weak binding, still a function
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(patched.AsSpan(VersymAt + 2))); // unversioned (global)
        Assert.Equal((1 << 4) | 2, patched[DynsymAt + 2 * SymbolSize + 4]); // symbol 2 untouched
        Assert.Equal(OlderIndex, BinaryPrimitives.ReadUInt16LittleEndian(patched.AsSpan(VersymAt + 4)));
    }

    [Fact]
    public void Refuses_what_it_cannot_patch()
    {
        Assert.Throws<InvalidDataException>(() => ElfSymbolVersionPatcher.WeakenVersion(Library(), "GLIBCXX_3.4.99"));
        Assert.Throws<InvalidDataException>(() => ElfSymbolVersionPatcher.RequiresVersion(new byte[128], Newest));
        var bigEndian = Library();
        bigEndian[5] = 2;
        Assert.Throws<InvalidDataException>(() => ElfSymbolVersionPatcher.RequiresVersion(bigEndian, Newest));
    }

    static byte[] Library()
    {
        var elf = new byte[SectionsAt + 5 * 64];
        var span = elf.AsSpan();
        "\x7f"u8.CopyTo(span);
        "ELF"u8.CopyTo(span[1..]);
        span[4] = 2; // ELFCLASS64
        span[5] = 1; // little-endian
        BinaryPrimitives.WriteInt64LittleEndian(span[0x28..], SectionsAt);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x3A..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x3C..], 5);

        var strings = Encoding.ASCII.GetBytes($"\0libstdc++.so.6\0{Newest}\0{Older}\0");
        int file = 1, newestName = file + "libstdc++.so.6".Length + 1, olderName = newestName + Newest.Length + 1;
        const int DynstrAt = 0x80;
        strings.CopyTo(span[DynstrAt..]);

        // Symbols 1 and 2: global functions, bound to the newest and the older version.
        span[DynsymAt + SymbolSize + 4] = (1 << 4) | 2;
        span[DynsymAt + 2 * SymbolSize + 4] = (1 << 4) | 2;
        BinaryPrimitives.WriteUInt16LittleEndian(span[(VersymAt + 2)..], NewestIndex);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(VersymAt + 4)..], OlderIndex);

        // One Verneed (libstdc++.so.6) with two Vernaux entries.
        BinaryPrimitives.WriteUInt16LittleEndian(span[VerneedAt..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(VerneedAt + 2)..], 2);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(VerneedAt + 4)..], (uint)file);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(VerneedAt + 8)..], 16);
        WriteAux(span[(VerneedAt + 16)..], NewestIndex, newestName, next: 16);
        WriteAux(span[(VerneedAt + 32)..], OlderIndex, olderName, next: 0);

        WriteSection(span, 1, type: 3, DynstrAt, strings.Length, link: 0, entrySize: 0);
        WriteSection(span, 2, type: 11, DynsymAt, 3 * SymbolSize, link: 1, entrySize: SymbolSize);
        WriteSection(span, 3, type: 0x6fffffff, VersymAt, 3 * 2, link: 2, entrySize: 2);
        WriteSection(span, 4, type: 0x6ffffffe, VerneedAt, 48, link: 1, entrySize: 0);
        return elf;
    }

    static void WriteAux(Span<byte> aux, ushort index, int name, uint next)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(aux[6..], index);
        BinaryPrimitives.WriteUInt32LittleEndian(aux[8..], (uint)name);
        BinaryPrimitives.WriteUInt32LittleEndian(aux[12..], next);
    }

    static void WriteSection(Span<byte> elf, int index, uint type, long offset, long size, uint link, long entrySize)
    {
        var header = elf[(SectionsAt + 64 * index)..];
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], type);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], offset);
        BinaryPrimitives.WriteInt64LittleEndian(header[32..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], link);
        BinaryPrimitives.WriteInt64LittleEndian(header[56..], entrySize);
    }
}
