namespace Dossier.Core.Tests;

/// <summary>The shared corpus beside the repository (../shared/corpus), found from wherever the tests run.</summary>
public static class Corpus
{
    public static string Root { get; } = Find();

    public static string ArchivePages => Path.Combine(Root, "archive-pages");

    public static string Page(string prefix) =>
        Directory.EnumerateFiles(ArchivePages, prefix + "_*.txt").Single();

    public static string ReadPage(string prefix) => File.ReadAllText(Page(prefix));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")))
            {
                var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
                if (Directory.Exists(corpus)) return corpus;
                throw new DirectoryNotFoundException($"The shared corpus is expected at {corpus}, beside the repository.");
            }
        }
        throw new DirectoryNotFoundException("The repository root (Dossier.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
