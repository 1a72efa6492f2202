using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dossier.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Authorities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Authorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PreferredName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: true),
                    DeathYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Viaf = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Wikidata = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuthorityNames",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorityNames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthorityNames_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Authorities_Kind_PreferredName",
                table: "Authorities",
                columns: new[] { "Kind", "PreferredName" });

            migrationBuilder.CreateIndex(
                name: "IX_Authorities_SourceId",
                table: "Authorities",
                column: "SourceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuthorityNames_AuthorityId",
                table: "AuthorityNames",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorityNames_Key",
                table: "AuthorityNames",
                column: "Key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuthorityNames");

            migrationBuilder.DropTable(
                name: "Authorities");
        }
    }
}
