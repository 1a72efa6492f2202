using Dossier.Authorities;

namespace Dossier.Core.Tests.Authorities;

/// <summary>The Office of the Historian's person records as they are, and CSV files of authorities.</summary>
public class AuthoritySourcesTests
{
    private static string Person(int id) =>
        Path.Combine([Corpus.Root, "people", "data", "100000", .. id.ToString(System.Globalization.CultureInfo.InvariantCulture)[..^2].Select(c => c.ToString()), $"{id}.xml"]);

    private static Authority Read(int id)
    {
        var item = AuthoritySources.Person(Person(id));
        Assert.True(item.Authority is not null, item.Error);
        return item.Authority;
    }

    private static List<string> Names(Authority a, NameForm form) => [.. a.Names.Where(n => n.Form == form).Select(n => n.Name)];

    [Fact]
    public void Khrushchev_has_his_printed_forms_his_years_and_his_VIAF_number()
    {
        var khrushchev = Read(107127);
        Assert.Equal(("Khrushchev, Nikita Sergeyevich", AuthorityKind.Person, "hsg-people:107127", "64007537"),
            (khrushchev.PreferredName, khrushchev.Kind, khrushchev.SourceId, khrushchev.Viaf));
        var variants = Names(khrushchev, NameForm.Variant);
        Assert.Contains("Khrushchev, Nikita S", variants);
        Assert.Contains("Khrushchev, Nitita Sergeyevich", variants);
        // Sergeyevich and Sergeevich fold to one key: one variant, not two.
        Assert.DoesNotContain("Khrushchev, Nikita Sergeevich", variants);
        Assert.Equal(["Khrushchev, Nikita Sergeyevich"], Names(khrushchev, NameForm.Preferred));
        Assert.NotNull(khrushchev.Description);
    }

    [Fact]
    public void Printed_forms_in_parentheses_are_names_of_their_own_and_titles_are_taken_out_of_names()
    {
        var deng = Read(103352);
        Assert.Equal("Deng Xiaoping", deng.PreferredName);
        Assert.Contains("Teng Hsiao-p’ing", Names(deng, NameForm.Variant));
        Assert.DoesNotContain(Names(deng, NameForm.Variant), n => n.Contains('(', StringComparison.Ordinal));

        var chhuon = Read(103153);
        Assert.Equal(["Colonel", "General"], Names(chhuon, NameForm.Title).Order());
        Assert.Equal(["Chhuon Mochulpich", "Chhuon Mochupich"], Names(chhuon, NameForm.Variant).Order());

        var dennis = Read(103362);
        Assert.Empty(Names(dennis, NameForm.Variant)); // "Dennis, Lieutenant Commander Lloyd" is his preferred name with a title
        Assert.Equal(["Lieutenant Commander"], Names(dennis, NameForm.Title));
        Assert.Equal((null, null), (dennis.BirthYear, dennis.DeathYear));
    }

    [Fact]
    public void A_name_in_another_script_has_the_key_of_its_romanizations()
    {
        Assert.Equal(AuthorityName.KeyOf("Khrushchev, Nikita"), AuthorityName.KeyOf("Хрущёв, Никита"));
        Assert.Equal(AuthorityName.KeyOf("Khrushchov"), AuthorityName.KeyOf("Khrushchev"));
        Assert.Equal(AuthorityName.KeyOf("Teng Hsiao-ping"), AuthorityName.KeyOf("Teng Hsiao-p’ing"));
    }

    [Fact]
    public void The_years_at_work_are_those_of_dated_offices_and_of_the_editions_that_list_the_person()
    {
        // Dorticós: "January–July 1959" in his remark, and the edition of 1958–1960 whose list of persons names him.
        var dorticos = Read(103605);
        Assert.Equal((1958, 1960), (dorticos.ActiveFrom, dorticos.ActiveTo));
        Assert.Equal((null, null), (dorticos.BirthYear, dorticos.DeathYear));
    }

    [Fact]
    public void A_CSV_gives_people_places_and_organizations_and_reports_bad_rows()
    {
        var path = Path.Combine(Path.GetTempPath(), $"authorities-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, """
            id,kind,name,variants,birth,death,latitude,longitude,wikidata,description,active
            1,place,Havana,La Habana; Гавана,,,23.1136,-82.3666,Q1563,Capital of Cuba,
            2,organization,Central Committee of the CPSU,ЦК КПСС,,,,,,,
            3,person,"Mikoyan, Anastas",Микоян; A. I. Mikoyan,1895,1978,,,Q157940,,1955–1965
            4,planet,Mars,,,,,,,,
            5,place,Atlantis,,,,123,0,,,
            6,person,,,,,,,,,
            """);
        try
        {
            var items = AuthoritySources.Csv(path).ToList();
            Assert.Equal(6, items.Count);
            var havana = items[0].Authority!;
            Assert.Equal((AuthorityKind.Place, 23.1136, -82.3666, "Q1563"), (havana.Kind, havana.Latitude!.Value, havana.Longitude!.Value, havana.Wikidata));
            Assert.Equal(["La Habana", "Гавана"], Names(havana, NameForm.Variant));
            Assert.Equal(AuthorityKind.Organization, items[1].Authority!.Kind);
            Assert.Equal((1895, 1978), (items[2].Authority!.BirthYear, items[2].Authority!.DeathYear));
            Assert.Equal((1955, 1965), (items[2].Authority!.ActiveFrom, items[2].Authority!.ActiveTo));
            Assert.Equal("kind 'planet' is not person, organization or place", items[3].Error);
            Assert.Equal("latitude '123' is not a coordinate", items[4].Error);
            Assert.Equal("no name", items[5].Error);
            Assert.EndsWith(":row 7", items[5].Location, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
