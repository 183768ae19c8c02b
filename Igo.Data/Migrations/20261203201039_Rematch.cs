using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Igo.Data.Migrations
{
    /// <inheritdoc />
    public partial class Rematch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "rematch_declined",
                table: "games",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "rematch_declined_at",
                table: "games",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "rematch_of",
                table: "games",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rematch_offered_by",
                table: "games",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_games_rematch_of",
                table: "games",
                column: "rematch_of",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_games_rematch_of",
                table: "games");

            migrationBuilder.DropColumn(
                name: "rematch_declined",
                table: "games");

            migrationBuilder.DropColumn(
                name: "rematch_declined_at",
                table: "games");

            migrationBuilder.DropColumn(
                name: "rematch_of",
                table: "games");

            migrationBuilder.DropColumn(
                name: "rematch_offered_by",
                table: "games");
        }
    }
}
