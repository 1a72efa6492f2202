namespace Dossier.Features.Archive;

/// <summary>Where the archive keeps its data and what it calls itself.</summary>
public sealed class ArchiveOptions
{
    public const string EnvironmentVariable = "DOSSIER_DATA";

    /// <summary>The data directory: SQLite database and search index.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Named in citations of records that do not name the digital archive that published them.</summary>
    public string Name { get; init; } = "Dossier";

    public string IndexDirectory => Path.Combine(DataDirectory, "index");

    /// <summary>--data, else DOSSIER_DATA, else ./data under the current directory.</summary>
    public static string ResolveDataDirectory(string? option)
    {
        var chosen = !string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : "data";
        return Path.GetFullPath(chosen);
    }
}
