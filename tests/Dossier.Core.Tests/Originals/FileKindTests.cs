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
