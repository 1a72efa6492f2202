using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dossier.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecordDescription : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Creators",
                table: "Records",
                type: "text[]",
                nullable: false,
                // Existing records have none.
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Records",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Place",
                table: "Records",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Recipients",
                table: "Records",
                type: "text[]",
                nullable: false,
                // Existing records have none.
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<List<string>>(
                name: "Subjects",
                table: "Records",
                type: "text[]",
                nullable: false,
                // Existing records have none.
                defaultValueSql: "'{}'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Creators",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "Recipients",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "Subjects",
                table: "Records");
        }
    }
}
