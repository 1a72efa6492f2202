using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dossier.Data.Postgres.Migrations
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Score",
                table: "Mentions",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "ActiveFrom",
                table: "Authorities",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ActiveTo",
                table: "Authorities",
                type: "integer",
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
