using Dossier.Oai;

namespace Dossier.Core.Tests.Oai;

public class ResumptionTokenTests
{
    [Fact]
    public void A_token_reads_back_as_it_was_written()
    {
        var token = new ResumptionToken("ListRecords", "oai_dc", "type:memorandum-of-conversation",
            new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc), 4711, 200);
        var text = token.Encode();
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
        Assert.Equal(token, ResumptionToken.Decode(text));

        var plain = token with { Set = null, From = null };
        Assert.Equal(plain, ResumptionToken.Decode(plain.Encode()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token!")]
    [InlineData("abc")]
    [InlineData("MXxMaXN0UmVjb3Jkcw")] // "1|ListRecords": too few parts
    public void Anything_else_is_not_a_token(string text) => Assert.Null(ResumptionToken.Decode(text));
}

public class OaiDatesTests
{
    [Theory]
    [InlineData("2026-12-02", true, "2026-12-02T00:00:00Z")]
    [InlineData("2026-12-02T13:14:15Z", false, "2026-12-02T13:14:15Z")]
    public void Both_granularities_are_read(string text, bool day, string formatted)
    {
        Assert.True(OaiDates.TryParse(text, out var utc, out var dayOnly));
        Assert.Equal(day, dayOnly);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(formatted, OaiDates.Format(utc));
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-12-02T13:14Z")]
    [InlineData("2026-12-02T13:14:15.5Z")]
    [InlineData("2026-12-02T13:14:15")]
    [InlineData("02/12/2026")]
    public void Other_forms_are_refused(string text) => Assert.False(OaiDates.TryParse(text, out _, out _));

    [Fact]
    public void Until_takes_in_its_whole_second_or_day()
    {
        var moment = new DateTime(2026, 12, 2, 13, 14, 15, DateTimeKind.Utc);
        Assert.Equal(moment.AddSeconds(1), OaiDates.EndOf(moment, dayOnly: false));
        Assert.Equal(moment.Date.AddDays(1), OaiDates.EndOf(moment.Date, dayOnly: true));
        Assert.Equal(moment, OaiDates.ToSecond(moment.AddMilliseconds(999)));
    }
}
