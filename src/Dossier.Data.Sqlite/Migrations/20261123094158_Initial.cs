using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dossier.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndexingTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexingTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Records",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", nullable: true),
                    Classification = table.Column<string>(type: "TEXT", nullable: true),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    SourceText = table.Column<string>(type: "TEXT", nullable: true),
                    SourceArchive = table.Column<string>(type: "TEXT", nullable: true),
                    SourceFond = table.Column<string>(type: "TEXT", nullable: true),
                    SourceOpis = table.Column<string>(type: "TEXT", nullable: true),
                    SourcePapka = table.Column<string>(type: "TEXT", nullable: true),
                    SourceDelo = table.Column<string>(type: "TEXT", nullable: true),
                    SourcePages = table.Column<string>(type: "TEXT", nullable: true),
                    SourceReel = table.Column<string>(type: "TEXT", nullable: true),
                    Provenance = table.Column<string>(type: "TEXT", nullable: true),
                    ObtainedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Translators = table.Column<string>(type: "TEXT", nullable: false),
                    Donors = table.Column<string>(type: "TEXT", nullable: false),
                    Rights = table.Column<string>(type: "TEXT", nullable: true),
                    UploadedDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Repository = table.Column<string>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Transcripts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArchivalRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transcripts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Transcripts_Records_ArchivalRecordId",
                        column: x => x.ArchivalRecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Records_CreatedAt",
                table: "Records",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Records_Date",
                table: "Records",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Records_Fingerprint",
                table: "Records",
                column: "Fingerprint");

            migrationBuilder.CreateIndex(
                name: "IX_Records_RecordId",
                table: "Records",
                column: "RecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Transcripts_ArchivalRecordId_Position",
                table: "Transcripts",
                columns: new[] { "ArchivalRecordId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndexingTasks");

            migrationBuilder.DropTable(
                name: "Transcripts");

            migrationBuilder.DropTable(
                name: "Records");
        }
    }
}
