using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dossier.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Mentions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuthorityRedirects",
                columns: table => new
                {
                    FromId = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ToId = table.Column<int>(type: "integer", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorityRedirects", x => x.FromId);
                });

            migrationBuilder.CreateTable(
                name: "DismissedNames",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    DismissedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DismissedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DismissedNames", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Mentions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArchivalRecordId = table.Column<int>(type: "integer", nullable: false),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Certainty = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Asserted = table.Column<bool>(type: "boolean", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Context = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FoundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mentions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mentions_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Mentions_Records_ArchivalRecordId",
                        column: x => x.ArchivalRecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NameCandidates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArchivalRecordId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NameCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NameCandidates_Records_ArchivalRecordId",
                        column: x => x.ArchivalRecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuthorityRedirects_ToId",
                table: "AuthorityRedirects",
                column: "ToId");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_ArchivalRecordId_AuthorityId",
                table: "Mentions",
                columns: new[] { "ArchivalRecordId", "AuthorityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_AuthorityId_Asserted",
                table: "Mentions",
                columns: new[] { "AuthorityId", "Asserted" });

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_State_Certainty",
                table: "Mentions",
                columns: new[] { "State", "Certainty" });

            migrationBuilder.CreateIndex(
                name: "IX_NameCandidates_ArchivalRecordId",
                table: "NameCandidates",
                column: "ArchivalRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_NameCandidates_Key",
                table: "NameCandidates",
                column: "Key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuthorityRedirects");

            migrationBuilder.DropTable(
                name: "DismissedNames");

            migrationBuilder.DropTable(
                name: "Mentions");

            migrationBuilder.DropTable(
                name: "NameCandidates");
        }
    }
}
