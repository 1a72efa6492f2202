using Dossier.Records;

namespace Dossier.Core.Tests.Records;

public class ClassificationTests
{
    [Theory]
    [InlineData("Top Secret Copy Nº 1", "Top Secret")]
    [InlineData("SECRET. Copy Nº 1", "Secret")]
    [InlineData("Secret Copy No 2", "Secret")]
    [InlineData("TOP SECRET", "Top Secret")]
    [InlineData("СЕКРЕТНО Экз. № 2", "Secret")]
    [InlineData("Совершенно секретно", "Top Secret")]
    [InlineData("CONFIDENTIAL", "Confidential")]
    [InlineData("[Stamp]: Declassified", null)]
    [InlineData("Secretary of the National Leadership of the ORO", null)]
    [InlineData("The secret talks went on for a long time without any result at all, said Castro.", null)]
    public void The_documents_own_header_gives_its_classification(string line, string? expected) =>
        Assert.Equal(expected, Classification.FromHeader(line));
}
