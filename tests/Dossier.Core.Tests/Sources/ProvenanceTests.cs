using Dossier.Sources;

namespace Dossier.Core.Tests.Sources;

public class ProvenanceTests
{
    [Theory]
    [InlineData("AVP RF, f. 0104, op. 19, p. 124, d. 3, l. 72. Obtained by James G. Hershberg and translated by Gary Goldberg.",
        "AVP RF, f. 0104, op. 19, p. 124, d. 3, l. 72", "Obtained by James G. Hershberg and translated by Gary Goldberg")]
    [InlineData("TsKhSD, f. 5, op. 49, d. 758, l. 7-10, r. 9126. Translated for CWIHP by Gary Goldberg.",
        "TsKhSD, f. 5, op. 49, d. 758, l. 7-10, r. 9126", "Translated for CWIHP by Gary Goldberg")]
    [InlineData("SAPMO-BArch, DY 30/IV 2/2.035/55.", "SAPMO-BArch, DY 30/IV 2/2.035/55", null)]
    [InlineData("Obtained by Mircea Munteanu.", null, "Obtained by Mircea Munteanu")]
    public void A_source_line_splits_into_reference_and_provenance(string text, string? source, string? provenance)
    {
        Assert.Equal((source, provenance), Provenance.SplitFromSource(text));
    }

    [Theory]
    [InlineData("Obtained by James G. Hershberg and translated by Gary Goldberg", new[] { "James G. Hershberg" }, new[] { "Gary Goldberg" })]
    [InlineData("Translated for CWIHP by Gary Goldberg", new string[0], new[] { "Gary Goldberg" })]
    [InlineData("Obtained and translated by Sergey Radchenko", new[] { "Sergey Radchenko" }, new[] { "Sergey Radchenko" })]
    [InlineData("Translated by Vladislav Zubok and Svetlana Savranskaya", new string[0], new[] { "Vladislav Zubok", "Svetlana Savranskaya" })]
    [InlineData("Obtained by Christian F. Ostermann. Translated by Mark Kramer, Jan Foitzik, and Malcolm Byrne.", new[] { "Christian F. Ostermann" }, new[] { "Mark Kramer", "Jan Foitzik", "Malcolm Byrne" })]
    [InlineData("Contributed by Charles Kraus", new string[0], new string[0])]
    public void Provenance_names_who_obtained_and_who_translated(string provenance, string[] obtained, string[] translators)
    {
        var (o, t) = Provenance.People(provenance);
        Assert.Equal(obtained, o);
        Assert.Equal(translators, t);
    }
}
