using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Igo.Data.Migrations
{
    /// <inheritdoc />
    public partial class TimedGames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "away_since",
                table: "player_keys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "cap_ms",
                table: "games",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deadline",
                table: "games",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "increment_ms",
                table: "games",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "main_time_ms",
                table: "games",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "period_time_ms",
                table: "games",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "periods",
                table: "games",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "stones",
                table: "games",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "time_system",
                table: "games",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "none"); // the games stored so far are untimed

            migrationBuilder.AddColumn<int>(
                name: "thinking_ms",
                table: "actions",
                type: "integer",
                nullable: true);

            // A key nobody holds has been away since its game last changed, at the latest.
            migrationBuilder.Sql(
                "UPDATE player_keys AS k SET away_since = g.updated_at FROM games AS g WHERE g.id = k.game_id AND k.held_by_instance IS NULL;");

            migrationBuilder.CreateIndex(
                name: "ix_games_deadline",
                table: "games",
                column: "deadline",
                filter: "deadline IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_games_deadline",
                table: "games");

            migrationBuilder.DropColumn(
                name: "away_since",
                table: "player_keys");

            migrationBuilder.DropColumn(
                name: "cap_ms",
                table: "games");

            migrationBuilder.DropColumn(
                name: "deadline",
                table: "games");

            migrationBuilder.DropColumn(
                name: "increment_ms",
                table: "games");

            migrationBuilder.DropColumn(
                name: "main_time_ms",
                table: "games");

            migrationBuilder.DropColumn(
                name: "period_time_ms",
                table: "games");

            migrationBuilder.DropColumn(
                name: "periods",
                table: "games");

            migrationBuilder.DropColumn(
                name: "stones",
                table: "games");

            migrationBuilder.DropColumn(
                name: "time_system",
                table: "games");

            migrationBuilder.DropColumn(
                name: "thinking_ms",
                table: "actions");
        }
    }
}
