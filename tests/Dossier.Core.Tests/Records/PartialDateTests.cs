using Dossier.Records;

namespace Dossier.Core.Tests.Records;

public class PartialDateTests
{
    [Theory]
    [InlineData("January 29, 1964", "1964-01-29")]
    [InlineData("29 January 1964", "1964-01-29")]
    [InlineData("Jan. 29, 1964", "1964-01-29")]
    [InlineData("Sept. 3, 1961", "1961-09-03")]
    [InlineData("November 1951", "1951-11")]
    [InlineData("November, 1951", "1951-11")]
    [InlineData("1951", "1951")]
    [InlineData("1963-12-07", "1963-12-07")]
    [InlineData("1963-12", "1963-12")]
    public void Written_dates_become_iso_keeping_their_precision(string written, string iso)
    {
        Assert.True(PartialDate.TryParseWritten(written, out var date));
        Assert.Equal(iso, date.ToIso());
    }

    [Theory]
    [InlineData("February 30, 1963")]
    [InlineData("Outgoing Nº 85")]
    [InlineData("No 29")]
    [InlineData("13 апреля 1962 года")]
    [InlineData("Memorandum of Conversation")]
    [InlineData("")]
    public void Other_text_is_no_date(string text) => Assert.False(PartialDate.TryParseWritten(text, out _));

    [Theory]
    [InlineData("1964-01-29", "January 29, 1964")]
    [InlineData("1951-11", "November 1951")]
    [InlineData("1951", "1951")]
    public void Dates_print_as_the_archive_prints_them(string iso, string printed)
    {
        Assert.True(PartialDate.TryParseIso(iso, out var date));
        Assert.Equal(printed, date.ToLongEnglish());
    }
}

public class PartialDateDigitsTests
{
    [Theory]
    [InlineData("١٩٦٣")]
    [InlineData("April ١٣, 1962")]
    [InlineData("１９６３-０１")]
    public void Digits_of_other_scripts_are_no_date_and_no_crash(string text)
    {
        Assert.False(PartialDate.TryParseWritten(text, out _));
        Assert.False(PartialDate.TryParseIso(text, out _));
    }
}
