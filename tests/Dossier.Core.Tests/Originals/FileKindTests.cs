using Dossier.Originals;

namespace Dossier.Core.Tests.Originals;

public class FileKindTests
{
    [Theory]
    [InlineData("255044462D312E370A", FileKind.Pdf)]
    [InlineData("EFBBBF0A255044462D312E34", FileKind.Pdf)]
    [InlineData("FFD8FFE000104A464946", FileKind.Jpeg)]
    [InlineData("89504E470D0A1A0A0000", FileKind.Png)]
    [InlineData("49492A0008000000", FileKind.Tiff)]
    [InlineData("4D4D002A00000008", FileKind.Tiff)]
    [InlineData("3C68746D6C3E", null)]
    [InlineData("504B0304", null)]
    [InlineData("", null)]
    public void A_file_is_what_its_first_bytes_say(string hex, string? mediaType) => Assert.Equal(mediaType, FileKind.Sniff(Convert.FromHexString(hex)));

    [Fact]
    public void A_PDF_header_past_the_first_kilobyte_is_not_one()
    {
        var bytes = new byte[FileKind.HeadLength + 10];
        "%PDF-1.4"u8.CopyTo(bytes.AsSpan(FileKind.HeadLength));
        Assert.Null(FileKind.Sniff(bytes));
    }
}

public class PageSizeTests
{
    /// <summary>A PNG of a few bytes whose header claims a picture of 50,000 × 50,000 pixels (10 GB decoded).</summary>
    private static byte[] Bomb()
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, 50_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 50_000);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        byte[] Chunk(string type, byte[] data)
        {
            var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
            return [.. length, .. typed, .. crc];
        }
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    [Fact]
    public void An_image_claiming_more_pixels_than_a_page_may_have_is_refused_before_it_is_decoded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bomb-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, Bomb());
        try
        {
            var refused = Assert.Throws<Dossier.Originals.UnreadableFileException>(() => Dossier.Originals.PageImages.Decode(path, Dossier.Originals.FileKind.Png, 1));
            Assert.Contains("50000 × 50000 pixels, more than the 100 million", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Only_an_original_read_to_its_end_gives_the_record_machine_read_text()
    {
        var page = new OriginalPage { Number = 1, Text = "Zanzibar", Source = TextSource.Ocr, Width = 10, Height = 10 };
        var record = new Dossier.Records.ArchivalRecord { Title = "t", Originals = [new Original { State = ReadingState.Waiting, Pages = [page] }] };
        Assert.DoesNotContain(("text", Dossier.Search.Facets.TextMachineRead), Dossier.Search.Facets.Of(record));
        Assert.Equal("", Dossier.Search.RecordIndex.MachineText(record));
        record.Originals[0].State = ReadingState.Read;
        Assert.Contains(("text", Dossier.Search.Facets.TextMachineRead), Dossier.Search.Facets.Of(record));
        Assert.Equal("Zanzibar", Dossier.Search.RecordIndex.MachineText(record));
    }
}
