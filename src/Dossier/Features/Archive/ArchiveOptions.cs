namespace Dossier.Features.Archive;

/// <summary>Where the archive keeps its data and what it calls itself.</summary>
public sealed class ArchiveOptions
{
    public const string EnvironmentVariable = "DOSSIER_DATA";

    /// <summary>The configuration key of the database (appsettings.json, or DOSSIER__DATABASE in the environment).</summary>
    public const string DatabaseKey = "Dossier:Database";

    /// <summary>The data directory: the SQLite database (unless <see cref="Database"/> names another), keys, and this node's search index.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// A PostgreSQL connection string (Host=...;Database=...;Username=...) for an archive served by several nodes;
    /// null for the embedded SQLite file in the data directory.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>Named in citations of records that do not name the digital archive that published them.</summary>
    public string Name { get; init; } = "Dossier";

    public string IndexDirectory => Path.Combine(DataDirectory, "index");

    /// <summary>The originals' files, each stored once by its SHA-256; backed up with the database.</summary>
    public string FilesDirectory => Path.Combine(DataDirectory, "files");

    /// <summary>What is made from the files (page images): made again from them when lost, so not backed up.</summary>
    public string DerivedDirectory => Path.Combine(DataDirectory, "derived");

    /// <summary>The archive the command line names: its data directory and its database, each from an option or the configuration.</summary>
    public static ArchiveOptions Resolve(string? dataOption, string? databaseOption, string[]? settings = null) => new()
    {
        DataDirectory = ResolveDataDirectory(dataOption),
        Database = ResolveDatabase(databaseOption, settings ?? []),
    };

    /// <summary>Whether a token of the command line is a setting for the configuration: <c>--Section:Key=value</c>.</summary>
    public static bool IsSetting(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && token.IndexOf(':', StringComparison.Ordinal) is > 2 and var colon
        && token.IndexOf('=', StringComparison.Ordinal) > colon;

    /// <summary>--data, else DOSSIER_DATA, else ./data under the current directory.</summary>
    public static string ResolveDataDirectory(string? option)
    {
        var chosen = !string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : "data";
        return Path.GetFullPath(chosen);
    }

    /// <summary>
    /// --database, else Dossier:Database from the command line's settings (--Dossier:Database=...), the environment
    /// (DOSSIER__DATABASE) or appsettings.json, else none (SQLite).
    /// </summary>
    public static string? ResolveDatabase(string? option, string[] settings)
    {
        if (!string.IsNullOrWhiteSpace(option)) return option;
        // The same sources, in the same order of precedence, as the server's own configuration.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();
        return configuration[DatabaseKey] is { Length: > 0 } configured ? configured : null;
    }
}
