namespace Dossier.Features.Oai;

/// <summary>Settings of the OAI-PMH data provider, under <c>Dossier:Oai</c>.</summary>
public sealed class OaiOptions
{
    /// <summary>
    /// The repository's part of every identifier (<c>oai:dossier.example.org:42</c>): set it once to the archive's
    /// domain name and never change it, or harvesters will see every record as new.
    /// </summary>
    public string RepositoryIdentifier { get; init; } = "dossier.local";

    /// <summary>Where harvesters write about problems (Identify's adminEmail).</summary>
    public string AdminEmail { get; init; } = "archivist@dossier.local";

    /// <summary>Records in one ListRecords response.</summary>
    public int RecordsPerResponse { get; init; } = 100;

    /// <summary>Headers in one ListIdentifiers response.</summary>
    public int IdentifiersPerResponse { get; init; } = 500;

    /// <summary>Whether the repository offers sets; without them ListSets and a set argument answer noSetHierarchy.</summary>
    public bool Sets { get; init; } = true;

    public static OaiOptions From(IConfiguration configuration) =>
        configuration.GetSection("Dossier:Oai").Get<OaiOptions>() ?? new OaiOptions();
}
