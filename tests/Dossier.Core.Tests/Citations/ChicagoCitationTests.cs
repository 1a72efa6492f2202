using Dossier.Citations;
using Dossier.Records;
using Dossier.Sources;

namespace Dossier.Core.Tests.Citations;

public class ChicagoCitationTests
{
    [Fact]
    public void Missing_parts_leave_no_stray_punctuation()
    {
        var record = new ArchivalRecord { Title = "Letter from Khrushchev to Kennedy" };
        Assert.Equal("\"Letter from Khrushchev to Kennedy,\" Dossier.", ChicagoCitation.Format(record, "Dossier"));

        record.Date = "1962-10";
        record.Source = new ArchivalSource { Text = "AVP RF, f. 0104, op. 18, d. 3." };
        Assert.Equal("\"Letter from Khrushchev to Kennedy,\" October 1962, Dossier, AVP RF, f. 0104, op. 18, d. 3.", ChicagoCitation.Format(record, "Dossier"));

        record.Provenance = "Translated by Gary Goldberg.";
        Assert.EndsWith("d. 3. Translated by Gary Goldberg.", ChicagoCitation.Format(record, "Dossier"));
    }

    [Fact]
    public void A_title_with_its_own_question_mark_takes_no_comma()
    {
        var record = new ArchivalRecord { Title = "Who Lost Cuba?", Date = "1961" };
        Assert.Equal("\"Who Lost Cuba?\" 1961, Dossier.", ChicagoCitation.Format(record, "Dossier"));
    }
}
