using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Igo.Data.Migrations
{
    /// <inheritdoc />
    public partial class HotGameUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_games_deadline",
                table: "games");

            migrationBuilder.DropIndex(
                name: "ix_games_updated_at",
                table: "games");

            migrationBuilder.AlterTable(
                name: "games")
                .Annotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.CreateIndex(
                name: "ix_games_live",
                table: "games",
                column: "id",
                filter: "listed AND status <> 'complete'");

            migrationBuilder.CreateIndex(
                name: "ix_games_timed_in_play",
                table: "games",
                column: "id",
                filter: "time_system <> 'none' AND status <> 'complete'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_games_live",
                table: "games");

            migrationBuilder.DropIndex(
                name: "ix_games_timed_in_play",
                table: "games");

            migrationBuilder.AlterTable(
                name: "games")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.CreateIndex(
                name: "ix_games_deadline",
                table: "games",
                column: "deadline",
                filter: "deadline IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_games_updated_at",
                table: "games",
                column: "updated_at",
                filter: "listed AND status <> 'complete'");
        }
    }
}
