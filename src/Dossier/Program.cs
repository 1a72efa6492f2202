using System.CommandLine;
using Dossier;
using Dossier.Features.Accounts;
using Dossier.Features.Archive;
using Dossier.Features.Backup;
using Dossier.Features.Import;
using Dossier.Features.Indexing;

var data = new Option<string?>("--data")
{
    Description = $"The data directory (SQLite database and search index). Default: ${ArchiveOptions.EnvironmentVariable}, else ./data",
    Recursive = true,
};
var database = new Option<string?>("--database")
{
    Description = $"A PostgreSQL connection string (\"Host=...;Database=...;Username=...\") to keep the archive in instead of the data directory's SQLite file. Default: {ArchiveOptions.DatabaseKey} (DOSSIER__DATABASE)",
    Recursive = true,
};
ArchiveOptions Archive(ParseResult parse) => ArchiveOptions.Resolve(parse.GetValue(data), parse.GetValue(database));

var urls = new Option<string?>("--urls") { Description = $"Where to listen. Default: {DossierWeb.DefaultUrls}" };
var serve = new Command("serve", "Run the archive: the reading room and the JSON API (settings as --Dossier:Key=value)") { urls };
// Settings such as --Dossier:RateLimits:SearchPerSecond=0 go to the server's configuration, as ASP.NET Core reads them.
serve.TreatUnmatchedTokensAsErrors = false;
serve.SetAction(async (parse, cancellationToken) =>
{
    string[] settings = [.. parse.UnmatchedTokens];
    if (settings.FirstOrDefault(t => !ArchiveOptions.IsSetting(t)) is { } unknown)
    {
        await Console.Error.WriteLineAsync($"dossier serve: '{unknown}' is neither an option nor a setting (--Section:Key=value)");
        return 2;
    }
    var archive = ArchiveOptions.Resolve(parse.GetValue(data), parse.GetValue(database), settings);
    var app = DossierWeb.Build(archive, parse.GetValue(urls), settings);
    try
    {
        await DossierWeb.PrepareAsync(app, cancellationToken);
    }
    catch (Dossier.Search.IndexBusyException e)
    {
        await Console.Error.WriteLineAsync($"dossier: {e.Message}: is another server running on {archive.DataDirectory}?");
        return 1;
    }
    catch (System.Data.Common.DbException e)
    {
        await Console.Error.WriteLineAsync($"dossier: the {ArchiveDatabase.Describe(archive)} cannot be opened: {e.Message}");
        return 1;
    }
    await app.RunAsync();
    return 0;
});

var paths = new Argument<string[]>("paths") { Description = "Files and folders to import (folders are read recursively)", Arity = ArgumentArity.OneOrMore };
var publish = new Option<bool>("--publish") { Description = "Publish what is imported (new records are drafts otherwise)" };
var map = new Option<string?>("--map") { Description = "A column mapping (JSON) for CSV files: which column gives which field" };
var importReport = new Option<string?>("--report") { Description = "Write every file's outcome and where each of its main fields was read (or that it is missing) to this CSV file" };
var import = new Command("import", "Import page captures (.txt), JSON Lines (.jsonl), TEI editions (.xml) and spreadsheets (.csv with --map)") { paths, publish, map, importReport };
import.SetAction((parse, cancellationToken) =>
    ImportCommand.RunAsync(Archive(parse), parse.GetValue(paths)!, parse.GetValue(publish), parse.GetValue(map), parse.GetValue(importReport), cancellationToken));

var harvestUrl = new Argument<string>("url") { Description = "The base URL of an OAI-PMH repository (http://archive.example.org/oai)" };
var harvestSet = new Option<string?>("--set") { Description = "Harvest only this set (a setSpec)" };
var harvestFrom = new Option<string?>("--from") { Description = "Only records changed since (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ). Default: since the last complete harvest" };
var harvestUntil = new Option<string?>("--until") { Description = "Only records changed until (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)" };
var harvestPrefix = new Option<string>("--prefix") { Description = "The format to ask for: oai_dc, or dossier from another Dossier", DefaultValueFactory = _ => "oai_dc" };
var harvestPublish = new Option<bool>("--publish") { Description = "Publish what is harvested (new records are drafts otherwise)" };
var harvestRetries = new Option<int>("--retries") { Description = "How many times a failed request is tried again", DefaultValueFactory = _ => 3 };
var harvest = new Command("harvest", "Harvest the records of an OAI-PMH repository; run again, it goes on where it stopped")
    { harvestUrl, harvestSet, harvestFrom, harvestUntil, harvestPrefix, harvestPublish, harvestRetries };
harvest.SetAction((parse, cancellationToken) => Dossier.Features.Harvesting.HarvestCommand.RunAsync(Archive(parse), parse.GetValue(harvestUrl)!,
    parse.GetValue(harvestSet), parse.GetValue(harvestFrom), parse.GetValue(harvestUntil), parse.GetValue(harvestPrefix)!,
    parse.GetValue(harvestPublish), parse.GetValue(harvestRetries), cancellationToken));

var exportFormat = new Option<string>("--format") { Description = "jsonl, csv, oai_dc-xml or tei", Required = true };
var exportQuery = new Option<string?>("--query") { Description = "Export only what this search finds (the search's language)" };
var exportOutput = new Option<string?>("--output") { Description = "The file to write (standard output without it)" };
var export = new Command("export", "Write the archive's published records out: JSON Lines, CSV, Dublin Core XML or TEI") { exportFormat, exportQuery, exportOutput };
export.SetAction((parse, cancellationToken) => Dossier.Features.Export.ExportCommand.RunAsync(Archive(parse), parse.GetValue(exportFormat)!,
    parse.GetValue(exportQuery), parse.GetValue(exportOutput), cancellationToken));

var attachRecord = new Argument<string>("record") { Description = "The record's number in the archive (as in /documents/42), or its Record ID with --record-id" };
var attachFiles = new Argument<string[]>("files") { Description = "PDF, TIFF, JPEG or PNG files of the record's original", Arity = ArgumentArity.OneOrMore };
var byRecordId = new Option<bool>("--record-id") { Description = "The record is named by its source's Record ID" };
var later = new Option<bool>("--later") { Description = "Attach only; a running server (or dossier ocr) reads them" };
var attach = new Command("attach", "Attach files to a record as its original, then read their text (PDF text, else OCR) and render their pages")
    { attachRecord, attachFiles, byRecordId, later };
attach.SetAction((parse, cancellationToken) => Dossier.Features.Originals.OriginalsCommands.AttachAsync(Archive(parse), parse.GetValue(attachRecord)!,
    parse.GetValue(byRecordId), parse.GetValue(attachFiles)!, parse.GetValue(later), cancellationToken));
var ocr = new Command("ocr", "Read every original waiting to be read: its text (PDF text, else OCR in English and Russian) and its page images");
ocr.SetAction((parse, cancellationToken) => Dossier.Features.Originals.OriginalsCommands.OcrAsync(Archive(parse), cancellationToken));

var verify = new Command("verify", "Hash every stored file again and report those damaged or missing, with their records (exit code 1 if any)");
verify.SetAction((parse, cancellationToken) => Dossier.Features.Originals.OriginalsCommands.VerifyAsync(Archive(parse), cancellationToken));

var authorityPaths = new Argument<string[]>("paths") { Description = "Person records (XML, files or folders) of the Office of the Historian, or CSV files of people, organizations and places", Arity = ArgumentArity.OneOrMore };
var noFind = new Option<bool>("--no-find") { Description = "Do not read the archive's records again for the names imported (dossier authorities find does it later)" };
var importAuthorities = new Command("import", "Import authority records; the same source imported again updates them; then find their mentions in every record") { authorityPaths, noFind };
importAuthorities.SetAction((parse, cancellationToken) => Dossier.Features.Authorities.AuthoritiesCommand.ImportAsync(Archive(parse), parse.GetValue(authorityPaths)!, !parse.GetValue(noFind), cancellationToken));
var findMentions = new Command("find", "Read every record again for the names of the archive's authorities: proposals for editors, certain mentions for search");
findMentions.SetAction((parse, cancellationToken) => Dossier.Features.Authorities.AuthoritiesCommand.FindAsync(Archive(parse), cancellationToken));
var authorities = new Command("authorities", "Authority records: people, organizations and places") { importAuthorities, findMentions };

var reindex = new Command("reindex", "Rebuild the search index from the database");
reindex.SetAction((parse, cancellationToken) =>
    ReindexCommand.RunAsync(Archive(parse), cancellationToken));

var migrate = new Command("migrate", "Create or upgrade the database's schema (serve does this too at start)");
migrate.SetAction((parse, cancellationToken) => MigrateCommand.RunAsync(Archive(parse), cancellationToken));

var backupFolder = new Argument<string>("folder") { Description = "A new or empty folder to write the backup into" };
var backup = new Command("backup", "Copy the archive (database, keys, stored files) into a folder, while it serves") { backupFolder };
backup.SetAction((parse, cancellationToken) =>
    BackupCommand.RunAsync(Archive(parse), parse.GetValue(backupFolder)!, cancellationToken));

var restoreFolder = new Argument<string>("folder") { Description = "A folder written by dossier backup" };
var restore = new Command("restore", "Restore a backup into a new or empty data directory and rebuild its search index") { restoreFolder };
restore.SetAction((parse, cancellationToken) =>
    RestoreCommand.RunAsync(Archive(parse), parse.GetValue(restoreFolder)!, cancellationToken));

var email = new Argument<string>("email") { Description = "The account's email address, which is also its user name" };
var role = new Option<string>("--role") { Description = "admin, editor, contributor or researcher", Required = true };
var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of asking for it" };
var addUser = new Command("add", "Create a staff account (the first administrator too)") { email, role, passwordStdin };
addUser.SetAction((parse, cancellationToken) => UsersCommand.AddAsync(Archive(parse),
    parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(passwordStdin), cancellationToken));
var listUsers = new Command("list", "List the staff's accounts and their roles");
listUsers.SetAction((parse, cancellationToken) => UsersCommand.ListAsync(Archive(parse), cancellationToken));
var users = new Command("users", "The staff's accounts") { addUser, listUsers };

var root = new RootCommand("Dossier: publish, search, read and cite archival documents") { data, database, serve, import, harvest, export, attach, ocr, verify, authorities, reindex, migrate, backup, restore, users };
return await root.Parse(args).InvokeAsync();
