using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dossier.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MentionReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Mentions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Score",
                table: "Mentions",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "ActiveFrom",
                table: "Authorities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ActiveTo",
                table: "Authorities",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Mentions");

            migrationBuilder.DropColumn(
                name: "Score",
                table: "Mentions");

            migrationBuilder.DropColumn(
                name: "ActiveFrom",
                table: "Authorities");

            migrationBuilder.DropColumn(
                name: "ActiveTo",
                table: "Authorities");
        }
    }
}
