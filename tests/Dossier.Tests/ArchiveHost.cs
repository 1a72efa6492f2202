using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dossier.Core.Tests;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Import;
using Dossier.Import.PageCaptures;
using Dossier.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests;

/// <summary>
/// The real archive on a loopback port: Kestrel, the real pipeline, a fresh database (an SQLite file, or a PostgreSQL
/// database of its own) and a Lucene index in a fresh data directory. Each test makes its own archive and its own data.
/// </summary>
public sealed class ArchiveHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TestDatabase database;

    private ArchiveHost(WebApplication app, TestDatabase database, string dataDirectory, Uri address)
    {
        this.app = app;
        this.database = database;
        DataDirectory = dataDirectory;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public string DataDirectory { get; }

    /// <summary>The PostgreSQL database's connection string; null on SQLite (the data directory's file).</summary>
    public string? DatabaseConnection => database.ConnectionString;
    public Uri Address { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => app.Services;

    /// <summary>Every endpoint the application maps, as routing sees them.</summary>
    public IEnumerable<Microsoft.AspNetCore.Http.Endpoint> Endpoints =>
        ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints);

    /// <summary>Starts the archive; <paramref name="settings"/> are given as the command line gives them (<c>--Dossier:X=Y</c>).</summary>
    public static Task<ArchiveHost> StartAsync(params string[] settings) => StartAsync(Provider.Sqlite, settings);

    /// <summary>Starts the archive on a fresh database of the provider's (skipping the test when that provider is not configured).</summary>
    public static Task<ArchiveHost> StartAsync(Provider provider, params string[] settings) => StartOnAsync(provider, TempDirectory.Create("archive"), settings);

    /// <summary>Starts the archive on a data directory that may hold one already (a restored backup); it is deleted at the end.</summary>
    public static Task<ArchiveHost> StartOnAsync(string data, params string[] settings) => StartOnAsync(Provider.Sqlite, data, settings);

    private static async Task<ArchiveHost> StartOnAsync(Provider provider, string data, string[] settings)
    {
        var database = await TestDatabases.CreateAsync(provider);
        var app = DossierWeb.Build(new ArchiveOptions { DataDirectory = data, Database = database.ConnectionString }, "http://127.0.0.1:0", settings);
        await DossierWeb.PrepareAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ArchiveHost(app, database, data, new Uri(address));
    }

    /// <summary>Imports and publishes through the same service the CLI uses, then brings the index up to date.</summary>
    public Task<ImportReport> ImportAsync(params string[] paths) => ImportAsync(publish: true, paths);

    public async Task<ImportReport> ImportAsync(bool publish, params string[] paths)
    {
        ImportReport report;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<RecordImport>();
            import.Publish = publish;
            report = await import.RunAsync(paths);
        }
        await CatchUpAsync();
        return report;
    }

    /// <summary>Imports authority records from CSV text (the columns of docs/authorities.md), as <c>dossier authorities import</c> reads them.</summary>
    public async Task<Dossier.Authorities.AuthorityImportReport> ImportAuthoritiesAsync(string csv)
    {
        var file = Path.Combine(TempDirectory.Create("authorities"), "authorities.csv");
        await File.WriteAllTextAsync(file, csv);
        return await ImportAuthorityFilesAsync(file);
    }

    /// <summary>Imports authority files or folders as <c>dossier authorities import</c> does.</summary>
    public async Task<Dossier.Authorities.AuthorityImportReport> ImportAuthorityFilesAsync(params string[] paths)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var import = new Dossier.Authorities.AuthorityImport(scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive(), TimeProvider.System);
        return await import.RunAsync(Dossier.Authorities.AuthoritySources.Read(paths));
    }

    /// <summary>Every record read again for the authorities' names, as <c>dossier authorities find</c> does.</summary>
    public async Task FindMentionsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
        var finder = await scope.ServiceProvider.GetRequiredService<Dossier.Authorities.MentionPatterns>().GetAsync(db, CancellationToken.None);
        await Dossier.Authorities.RecordMentions.FindAllAsync(db, finder, TimeProvider.System);
    }

    public async Task CatchUpAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecordIndexer>().CatchUpAsync();
    }

    /// <summary>
    /// Stops this server following the store's changes, as a node that has fallen behind: what is written after this
    /// reaches its index only through <see cref="CatchUpAsync"/>. Nothing of the follower runs once this returns.
    /// </summary>
    public Task StopFollowingAsync() =>
        app.Services.GetRequiredService<Dossier.Features.Indexing.IndexFollower>().StopAsync(CancellationToken.None);

    public async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A browser of its own: its own cookies, redirects not followed (so that they can be seen).</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = Address };

    /// <summary>The password of the staff accounts the tests make.</summary>
    public const string StaffPassword = "correct horse battery staple";

    /// <summary>A browser of its own, signed in through the sign-in form.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = NewClient();
        await PostSignInAsync(client, email, password);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/editor")).StatusCode);
        return client;
    }

    /// <summary>Fills in and sends the sign-in form; returns the page that answers.</summary>
    public static async Task<string> PostSignInAsync(HttpClient client, string email, string password)
    {
        var token = Forms.Token(await client.GetStringAsync("/account/sign-in"));
        using var response = await client.PostAsync("/account/sign-in", Forms.Content(token, new() { ["Email"] = email, ["Password"] = password }));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A staff account, made as <c>dossier users add</c> makes it.</summary>
    public async Task CreateUserAsync(string email, string password, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
        var user = new Microsoft.AspNetCore.Identity.IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole(role));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>The id of the one record a search names first.</summary>
    public async Task<int> FindAsync(string query)
    {
        var results = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(query));
        Assert.True(results["total"]!.GetValue<int>() >= 1, $"nothing found for {query}");
        return results["hits"]![0]!["id"]!.GetValue<int>();
    }

    /// <summary>The record number of each of the five captures (by file prefix), found by the title its page gives.</summary>
    public async Task<Dictionary<string, int>> IdsOfCapturesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>();
        var ids = new Dictionary<string, int>();
        foreach (var prefix in new[] { "000", "001", "002", "003", "004" })
        {
            var title = PageCaptureParser.Parse(Corpus.ReadPage(prefix)).Title;
            ids[prefix] = await db.Records.Where(r => r.Title == title).Select(r => r.Id).SingleAsync();
        }
        return ids;
    }

    /// <summary>The record number of the record with this source Record ID, whatever its state.</summary>
    public async Task<int> IdOfRecordAsync(string recordId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive().Records.Where(r => r.RecordId == recordId).Select(r => r.Id).SingleAsync();
    }

    /// <summary>A record as the store holds it now, whatever its state, with its transcripts.</summary>
    public async Task<Dossier.Records.ArchivalRecord> StoredRecordAsync(int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive().Records.Include(r => r.Transcripts).AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await database.DisposeAsync();
        TempDirectory.Delete(DataDirectory);
    }
}

public static class TempDirectory
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-tests", purpose + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing connection pool; the temp folder is cleaned by the system.
        }
    }
}
