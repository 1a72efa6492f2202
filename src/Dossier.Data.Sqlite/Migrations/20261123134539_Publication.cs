using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dossier.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Publication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "Records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EmbargoUntil",
                table: "Records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "Records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Records",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                // Before publication states, every record was in the reading room: an archive upgraded keeps them there.
                defaultValue: "Published");

            migrationBuilder.Sql("UPDATE Records SET PublishedAt = UpdatedAt;");
            // Every record is indexed again, so that the index knows each one's visibility (searches ask for it).
            migrationBuilder.Sql("INSERT INTO IndexingTasks (RecordId, CreatedAt) SELECT Id, UpdatedAt FROM Records;");

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Records",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Records_Status",
                table: "Records",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Records_Status",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "EmbargoUntil",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Records");
        }
    }
}
