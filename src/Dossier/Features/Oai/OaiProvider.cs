using System.Text;
using System.Xml;
using Dossier.Citations;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Documents;
using Dossier.Oai;
using Dossier.Records;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Oai;

/// <summary>
/// The OAI-PMH 2.0 data provider at <c>/oai</c>: the six verbs, <c>oai_dc</c> and Dossier's own format, sets by type
/// and language, resumption tokens that need no state on the server, and persistent deleted records. Only records
/// that were published are known to it: a published one in full, a withdrawn or deleted one as a deleted header,
/// never a draft, a record in review or an embargoed record that was never published.
/// </summary>
public static class OaiProvider
{
    public const string Namespace = "http://www.openarchives.org/OAI/2.0/";
    public const string SchemaLocation = "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static IEndpointRouteBuilder MapOaiProvider(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/oai", ["GET", "POST"], Answer).DisableAntiforgery();
        app.MapGet("/oai/" + DossierRecordXml.SchemaFile, () => TypedResults.Text(DossierRecordXml.Schema(), "application/xml; charset=utf-8", Encoding.UTF8));
        return app;
    }

    public static async Task<IResult> Answer(HttpContext http, DossierDb db, ArchiveOptions archive, OaiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = OaiDates.ToSecond(clock.GetUtcNow().UtcDateTime);
        var baseUrl = DocumentsApi.SiteUrl(http.Request) + "/oai";
        var parameters = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync(cancellationToken)).Concat(http.Request.Query)
            : http.Request.Query;

        var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("OAI-PMH", Namespace);
            writer.WriteAttributeString("xmlns", "xsi", null, Xsi);
            writer.WriteAttributeString("xsi", "schemaLocation", Xsi, SchemaLocation);
            writer.WriteElementString("responseDate", Namespace, OaiDates.Format(now));
            OaiRequest? request = null;
            try
            {
                request = OaiRequest.Read(parameters);
                var answer = new Answering(db.WholeArchive(), archive, options, http.Request, now, request, writer, baseUrl);
                await answer.WriteAsync(cancellationToken);
            }
            catch (OaiProtocolException error)
            {
                // After badVerb and badArgument the request element carries no attributes (protocol 3.2).
                var echo = error.Code is "badVerb" or "badArgument" ? null : request;
                // Every error is found before the answer's first element is written.
                WriteRequest(writer, baseUrl, echo);
                writer.WriteStartElement("error", Namespace);
                writer.WriteAttributeString("code", error.Code);
                writer.WriteString(XmlText.Clean(error.Message));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        return TypedResults.Bytes(buffer.ToArray(), "text/xml; charset=utf-8");
    }

    internal static void WriteRequest(XmlWriter writer, string baseUrl, OaiRequest? request)
    {
        writer.WriteStartElement("request", Namespace);
        if (request is not null)
        {
            writer.WriteAttributeString("verb", request.Verb);
            // The arguments as they came, less what XML cannot carry (a harvester's stray control character).
            foreach (var (name, value) in request.Arguments) writer.WriteAttributeString(name, XmlText.Clean(value));
        }
        writer.WriteString(baseUrl);
        writer.WriteEndElement();
    }

    /// <summary>One request's answer, written as the records are read.</summary>
    private sealed class Answering(DossierDb db, ArchiveOptions archive, OaiOptions options, HttpRequest http, DateTime now, OaiRequest request, XmlWriter writer, string baseUrl)
    {
        private string IdentifierPrefix => "oai:" + options.RepositoryIdentifier + ":";

        public async Task WriteAsync(CancellationToken cancellationToken)
        {
            switch (request.Verb)
            {
                case "Identify": await IdentifyAsync(cancellationToken); break;
                case "ListMetadataFormats": await ListMetadataFormatsAsync(cancellationToken); break;
                case "ListSets": await ListSetsAsync(cancellationToken); break;
                case "GetRecord": await GetRecordAsync(cancellationToken); break;
                default: await ListAsync(headersOnly: request.Verb == "ListIdentifiers", cancellationToken); break;
            }
        }

        private void BeginVerb()
        {
            WriteRequest(writer, baseUrl, request);
            writer.WriteStartElement(request.Verb, Namespace);
        }

        private IQueryable<ArchivalRecord> Known => db.Records.AsNoTracking().Where(r => r.PublishedAt != null);

        private async Task IdentifyAsync(CancellationToken cancellationToken)
        {
            var earliest = await Known.MinAsync(r => (DateTime?)r.UpdatedAt, cancellationToken);
            BeginVerb();
            writer.WriteElementString("repositoryName", Namespace, archive.Name);
            writer.WriteElementString("baseURL", Namespace, baseUrl);
            writer.WriteElementString("protocolVersion", Namespace, "2.0");
            writer.WriteElementString("adminEmail", Namespace, options.AdminEmail);
            writer.WriteElementString("earliestDatestamp", Namespace, OaiDates.Format(OaiDates.ToSecond(Utc(earliest ?? now))));
            writer.WriteElementString("deletedRecord", Namespace, "persistent");
            writer.WriteElementString("granularity", Namespace, "YYYY-MM-DDThh:mm:ssZ");
            writer.WriteEndElement();
        }

        private async Task ListMetadataFormatsAsync(CancellationToken cancellationToken)
        {
            if (request["identifier"] is { } identifier) await FindAsync(identifier, cancellationToken);
            BeginVerb();
            Format("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", DublinCore.OaiDcNamespace);
            Format(DossierRecordXml.Prefix, $"{baseUrl}/{DossierRecordXml.SchemaFile}", DossierRecordXml.Namespace);
            writer.WriteEndElement();

            void Format(string prefix, string schema, string ns)
            {
                writer.WriteStartElement("metadataFormat", Namespace);
                writer.WriteElementString("metadataPrefix", Namespace, prefix);
                writer.WriteElementString("schema", Namespace, schema);
                writer.WriteElementString("metadataNamespace", Namespace, ns);
                writer.WriteEndElement();
            }
        }

        private async Task ListSetsAsync(CancellationToken cancellationToken)
        {
            if (!options.Sets) throw new OaiProtocolException("noSetHierarchy", "this repository does not offer sets");
            // The list is short (one set per type and language); it is never split, so no token can be valid.
            if (request["resumptionToken"] is { } token) throw new OaiProtocolException("badResumptionToken", $"'{token}' is not a token of this repository's set list");
            var sets = await OaiSets.ListAsync(Published(), db.Collections.AsNoTracking(), cancellationToken);
            BeginVerb();
            foreach (var (spec, name, description) in sets)
            {
                writer.WriteStartElement("set", Namespace);
                writer.WriteElementString("setSpec", Namespace, spec);
                writer.WriteElementString("setName", Namespace, XmlText.Clean(name));
                if (description is not null)
                {
                    // A collection's description, as the protocol describes sets: in Dublin Core.
                    writer.WriteStartElement("setDescription", Namespace);
                    DublinCore.WriteDescription(writer, XmlText.Clean(description));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }

        private IQueryable<ArchivalRecord> Published() => Known.Where(r => r.Status == PublicationStatus.Published && r.DeletedAt == null);

        private async Task GetRecordAsync(CancellationToken cancellationToken)
        {
            var record = await FindAsync(request["identifier"]!, cancellationToken);
            var prefix = request["metadataPrefix"]!;
            CheckFormat(prefix);
            if (IsPublished(record)) await LoadTranscriptsAsync([record], prefix, cancellationToken);
            await LoadCollectionsAsync([record], cancellationToken);
            BeginVerb();
            WriteRecord(record, prefix, headerOnly: false);
            writer.WriteEndElement();
        }

        private async Task ListAsync(bool headersOnly, CancellationToken cancellationToken)
        {
            ResumptionToken list;
            if (request["resumptionToken"] is { } tokenText)
            {
                list = ResumptionToken.Decode(tokenText) is { } decoded && decoded.Verb == request.Verb && IsFormat(decoded.MetadataPrefix)
                       && (decoded.Set is null || OaiSets.IsValidSpec(decoded.Set))
                    ? decoded
                    : throw new OaiProtocolException("badResumptionToken", $"'{tokenText}' is not a resumption token of this repository for {request.Verb}");
            }
            else
            {
                var prefix = request["metadataPrefix"]!;
                CheckFormat(prefix);
                var set = request["set"];
                if (set is not null && !options.Sets) throw new OaiProtocolException("noSetHierarchy", "this repository does not offer sets");
                if (set is not null && !OaiSets.IsValidSpec(set)) throw OaiProtocolException.BadArgument($"'{set}' is not a setSpec");
                var (from, before) = request.DateRange();
                // A list without until ends at the second it began: what changes during the harvest is for the next one.
                list = new ResumptionToken(request.Verb, request["metadataPrefix"]!, set, from, before is { } b && b < now ? b : now, 0, 0);
            }

            // A set lists its published records: a withdrawn or deleted record's type and languages may be an
            // unpublished edit's, so deleted headers come only in lists without a set.
            var matching = (list.Set is null ? Known : Published()).Where(r => r.UpdatedAt < list.Before);
            if (list.From is { } fromUtc) matching = matching.Where(r => r.UpdatedAt >= fromUtc);
            if (list.Set is { } spec) matching = await OaiSets.FilterAsync(matching, spec, Published(), cancellationToken);
            var total = await matching.CountAsync(cancellationToken);
            var size = headersOnly ? options.IdentifiersPerResponse : options.RecordsPerResponse;
            var page = await matching.Where(r => r.Id > list.AfterId).OrderBy(r => r.Id).Take(size + 1).ToListAsync(cancellationToken);
            // An empty page is not a list (the schema wants one record at least): also when the rest of a list changed
            // since its last response and moved past its end.
            if (page.Count == 0) throw new OaiProtocolException("noRecordsMatch", list.Cursor == 0 ? "no record matches these arguments" : "no more records match this list");
            var more = page.Count > size;
            if (more) page.RemoveAt(page.Count - 1);
            if (!headersOnly) await LoadTranscriptsAsync(page.Where(IsPublished).ToList(), list.MetadataPrefix, cancellationToken);
            await LoadCollectionsAsync(page, cancellationToken);

            BeginVerb();
            foreach (var record in page) WriteRecord(record, list.MetadataPrefix, headersOnly);
            if (more || list.Cursor > 0)
            {
                writer.WriteStartElement("resumptionToken", Namespace);
                // The count is the list's as it stands now; records withdrawn since it began leave it.
                writer.WriteAttributeString("completeListSize", Math.Max(total, list.Cursor + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteAttributeString("cursor", list.Cursor.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (more) writer.WriteString((list with { AfterId = page[^1].Id, Cursor = list.Cursor + page.Count }).Encode());
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }

        private static bool IsFormat(string prefix) => prefix is "oai_dc" or DossierRecordXml.Prefix;

        private static void CheckFormat(string prefix)
        {
            if (!IsFormat(prefix))
                throw new OaiProtocolException("cannotDisseminateFormat", $"'{prefix}' is not a format of this repository (oai_dc, {DossierRecordXml.Prefix})");
        }

        private async Task<ArchivalRecord> FindAsync(string identifier, CancellationToken cancellationToken)
        {
            if (identifier.StartsWith(IdentifierPrefix, StringComparison.Ordinal)
                && DocumentsApi.TryParseId(identifier[IdentifierPrefix.Length..], out var id)
                && await Known.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } record)
                return record;
            throw new OaiProtocolException("idDoesNotExist", $"'{identifier}' is not an identifier in this repository");
        }

        private async Task LoadTranscriptsAsync(List<ArchivalRecord> records, string prefix, CancellationToken cancellationToken)
        {
            if (prefix != DossierRecordXml.Prefix || records.Count == 0) return;
            var ids = records.Select(r => r.Id).ToList();
            var transcripts = (await db.Transcripts.AsNoTracking().Where(t => ids.Contains(t.ArchivalRecordId)).OrderBy(t => t.Position).ToListAsync(cancellationToken))
                .ToLookup(t => t.ArchivalRecordId);
            foreach (var record in records) record.Transcripts = [.. transcripts[record.Id]];
        }

        private ILookup<int, string> collectionsOf = Enumerable.Empty<int>().ToLookup(i => i, _ => "");

        private async Task LoadCollectionsAsync(List<ArchivalRecord> records, CancellationToken cancellationToken)
        {
            if (!options.Sets) return;
            collectionsOf = await OaiSets.CollectionsOfAsync(db.CollectionMembers.AsNoTracking(), [.. records.Where(IsPublished).Select(r => r.Id)], cancellationToken);
        }

        private static bool IsPublished(ArchivalRecord record) => record.Status == PublicationStatus.Published && record.DeletedAt is null;

        private void WriteRecord(ArchivalRecord record, string prefix, bool headerOnly)
        {
            var published = IsPublished(record);
            if (!headerOnly) writer.WriteStartElement("record", Namespace);
            writer.WriteStartElement("header", Namespace);
            if (!published) writer.WriteAttributeString("status", "deleted");
            writer.WriteElementString("identifier", Namespace, IdentifierPrefix + record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteElementString("datestamp", Namespace, OaiDates.Format(OaiDates.ToSecond(Utc(record.UpdatedAt))));
            // A deleted record's sets would tell what it was; only published records name theirs.
            if (published && options.Sets)
                foreach (var spec in OaiSets.Of(record, collectionsOf[record.Id])) writer.WriteElementString("setSpec", Namespace, spec);
            writer.WriteEndElement();
            if (!headerOnly)
            {
                if (published)
                {
                    writer.WriteStartElement("metadata", Namespace);
                    var url = DocumentsApi.RecordUrl(http, record.Id);
                    if (prefix == "oai_dc") DublinCore.WriteElement(writer, CitedRecord.From(record, archive.Name, url));
                    else DossierRecordXml.Write(writer, RecordDocument.From(record, url, archive.Name));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            }
        }

        private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }
}
