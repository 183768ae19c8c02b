using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Igo.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "games",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    size = table.Column<int>(type: "integer", nullable: false),
                    ko_rule = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    scoring = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    komi = table.Column<double>(type: "double precision", nullable: false),
                    handicap = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    result_type = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    winner = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    time_played_seconds = table.Column<double>(type: "double precision", nullable: false),
                    clock_running_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_games", x => x.id);
                    table.CheckConstraint("ck_games_version", "version >= 0");
                });

            migrationBuilder.CreateTable(
                name: "instances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    host_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "actions",
                columns: table => new
                {
                    game_id = table.Column<long>(type: "bigint", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    point_row = table.Column<int>(type: "integer", nullable: true),
                    point_col = table.Column<int>(type: "integer", nullable: true),
                    color = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actions", x => new { x.game_id, x.sequence });
                    table.CheckConstraint("ck_actions_sequence", "sequence >= 1");
                    table.ForeignKey(
                        name: "fk_actions_games",
                        column: x => x.game_id,
                        principalTable: "games",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "chat_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    game_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    color = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_chat_messages_games",
                        column: x => x.game_id,
                        principalTable: "games",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "player_keys",
                columns: table => new
                {
                    key = table.Column<string>(type: "character(10)", fixedLength: true, maxLength: 10, nullable: false),
                    game_id = table.Column<long>(type: "bigint", nullable: false),
                    color = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    opponent_key = table.Column<string>(type: "character(10)", fixedLength: true, maxLength: 10, nullable: false),
                    computer_secret = table.Column<string>(type: "character(10)", fixedLength: true, maxLength: 10, nullable: true),
                    computer_level = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    held_by_instance = table.Column<Guid>(type: "uuid", nullable: true),
                    held_by_connection = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    held_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_player_keys", x => x.key);
                    table.ForeignKey(
                        name: "fk_player_keys_games",
                        column: x => x.game_id,
                        principalTable: "games",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_game_id_id",
                table: "chat_messages",
                columns: new[] { "game_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_instances_lease_expires_at",
                table: "instances",
                column: "lease_expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_player_keys_game_id_color",
                table: "player_keys",
                columns: new[] { "game_id", "color" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_player_keys_held_by_instance",
                table: "player_keys",
                column: "held_by_instance");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "actions");

            migrationBuilder.DropTable(
                name: "chat_messages");

            migrationBuilder.DropTable(
                name: "instances");

            migrationBuilder.DropTable(
                name: "player_keys");

            migrationBuilder.DropTable(
                name: "games");
        }
    }
}
