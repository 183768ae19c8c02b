using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Igo.Data.Migrations
{
    /// <inheritdoc />
    public partial class EngineReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "game_analyses",
                columns: table => new
                {
                    game_id = table.Column<long>(type: "bigint", nullable: false),
                    claimed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    engine = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    leads = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_game_analyses", x => x.game_id);
                    table.ForeignKey(
                        name: "fk_game_analyses_games",
                        column: x => x.game_id,
                        principalTable: "games",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "game_analyses");
        }
    }
}
