namespace Dossier.Core.Tests.Fixtures;

/// <summary>The repository's own test material (tests/Fixtures), found from wherever the tests run.</summary>
public static class Fixture
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>A JSON Lines file of expected values, one object a line.</summary>
    public static List<T> ReadJsonLines<T>(string name)
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        return [.. File.ReadLines(Path(name)).Where(l => l.Trim().Length > 0).Select(l => System.Text.Json.JsonSerializer.Deserialize<T>(l, options)!)];
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Dossier.slnx")))
                return System.IO.Path.Combine(dir.FullName, "tests", "Fixtures");
        }
        throw new DirectoryNotFoundException("The repository root (Dossier.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
