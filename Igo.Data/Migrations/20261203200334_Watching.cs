using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Igo.Data.Migrations
{
    /// <inheritdoc />
    public partial class Watching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "listed",
                table: "games",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "watch_id",
                table: "games",
                type: "character(32)",
                fixedLength: true,
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "game_spectators",
                columns: table => new
                {
                    game_id = table.Column<long>(type: "bigint", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_game_spectators", x => new { x.game_id, x.instance_id });
                    table.CheckConstraint("ck_game_spectators_count", "count >= 0");
                    table.ForeignKey(
                        name: "fk_game_spectators_games",
                        column: x => x.game_id,
                        principalTable: "games",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "spectator_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    game_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    name = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spectator_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_spectator_messages_games",
                        column: x => x.game_id,
                        principalTable: "games",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing games get a watch id of their own: 128 bits drawn from the server's strong random source (two
            // random UUIDs, 244 random bits, hashed). They stay unlisted, as they were shared by link only.
            migrationBuilder.Sql("UPDATE games SET watch_id = left(encode(sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())), 'hex'), 32);");

            migrationBuilder.CreateIndex(
                name: "ix_games_watch_id",
                table: "games",
                column: "watch_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_spectator_messages_game_id_id",
                table: "spectator_messages",
                columns: new[] { "game_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "game_spectators");

            migrationBuilder.DropTable(
                name: "spectator_messages");

            migrationBuilder.DropIndex(
                name: "ix_games_watch_id",
                table: "games");

            migrationBuilder.DropColumn(
                name: "listed",
                table: "games");

            migrationBuilder.DropColumn(
                name: "watch_id",
                table: "games");
        }
    }
}
