using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dossier.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Originals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FixityChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Node = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Files = table.Column<int>(type: "INTEGER", nullable: false),
                    Damaged = table.Column<int>(type: "INTEGER", nullable: false),
                    Missing = table.Column<int>(type: "INTEGER", nullable: false),
                    Report = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FixityChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Originals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArchivalRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    AttachedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AttachedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeasedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: true),
                    PagesRead = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Originals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Originals_Records_ArchivalRecordId",
                        column: x => x.ArchivalRecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OriginalPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OriginalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OriginalPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OriginalPages_Originals_OriginalId",
                        column: x => x.OriginalId,
                        principalTable: "Originals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FixityChecks_StartedAt",
                table: "FixityChecks",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OriginalPages_OriginalId_Number",
                table: "OriginalPages",
                columns: new[] { "OriginalId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Originals_ArchivalRecordId_Position",
                table: "Originals",
                columns: new[] { "ArchivalRecordId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Originals_Sha256",
                table: "Originals",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_Originals_State_NextAttemptAt",
                table: "Originals",
                columns: new[] { "State", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FixityChecks");

            migrationBuilder.DropTable(
                name: "OriginalPages");

            migrationBuilder.DropTable(
                name: "Originals");
        }
    }
}
