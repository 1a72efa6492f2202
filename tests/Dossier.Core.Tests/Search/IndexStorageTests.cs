using Dossier.Search;
using Lucene.Net.Codecs;
using Lucene.Net.Store;

namespace Dossier.Core.Tests.Search;

/// <summary>The index's own file reading and codec, against files on disk.</summary>
public sealed class IndexStorageTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "dossier-mapped-" + Guid.NewGuid().ToString("N"));

    public IndexStorageTests() => System.IO.Directory.CreateDirectory(folder);

    [Fact]
    public void A_mapped_file_reads_as_Lucene_wrote_it_and_its_copies_keep_their_own_place()
    {
        using var directory = new MappedDirectory(folder);
        using (var output = directory.CreateOutput("numbers", IOContext.DEFAULT))
        {
            output.WriteByte(7);
            output.WriteInt16(-2);
            output.WriteInt32(123_456_789);
            output.WriteInt64(-9_876_543_210L);
            output.WriteVInt32(300);
            output.WriteString("Хрущёв");
            output.WriteBytes([1, 2, 3, 4, 5], 5);
        }

        using var input = directory.OpenInput("numbers", IOContext.DEFAULT);
        Assert.Equal(7, input.ReadByte());
        Assert.Equal(-2, input.ReadInt16());
        var copy = (IndexInput)input.Clone();
        Assert.Equal(123_456_789, input.ReadInt32());
        Assert.Equal(-9_876_543_210L, input.ReadInt64());
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal("Хрущёв", input.ReadString());
        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal([1, 2, 3, 4, 5], bytes);
        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(bytes, 0, 1));

        // The copy was taken after the first two numbers and reads on from there, whatever the original did.
        Assert.Equal(3, copy.Position);
        Assert.Equal(123_456_789, copy.ReadInt32());
        copy.Seek(0);
        Assert.Equal(7, copy.ReadByte());
        copy.SkipBytes(2);
        Assert.Equal(123_456_789, copy.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => copy.Seek(input.Length + 1));
    }

    [Fact]
    public void An_empty_file_opens_and_a_closed_file_is_not_read()
    {
        using var directory = new MappedDirectory(folder);
        using (directory.CreateOutput("empty", IOContext.DEFAULT))
        {
        }
        using (var empty = directory.OpenInput("empty", IOContext.DEFAULT))
        {
            Assert.Equal(0, empty.Length);
            Assert.Throws<EndOfStreamException>(() => empty.ReadByte());
        }

        using (var output = directory.CreateOutput("one", IOContext.DEFAULT)) output.WriteInt32(1);
        var input = directory.OpenInput("one", IOContext.DEFAULT);
        var copy = (IndexInput)input.Clone();
        input.Dispose();
        // Reading a copy of a closed file is a bug in the caller: it fails instead of touching unmapped memory.
        Assert.Throws<ObjectDisposedException>(() => copy.Seek(0));
        Assert.Throws<ObjectDisposedException>(() => copy.Clone());
    }

    [Fact]
    public void Indexes_of_Lucene_s_own_codec_and_of_the_archive_s_are_both_read()
    {
        Assert.IsType<ArchiveCodec>(Codec.ForName(ArchiveCodec.CodecName));
        Assert.Equal("Lucene46", Codec.ForName("Lucene46").Name);
    }

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);
}
