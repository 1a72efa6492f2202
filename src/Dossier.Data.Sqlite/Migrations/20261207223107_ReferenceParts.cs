using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dossier.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceBox",
                table: "Records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceItem",
                table: "Records",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SourceBox",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "SourceItem",
                table: "Records");
        }
    }
}
