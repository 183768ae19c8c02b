using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Igo.Data.Migrations
{
    /// <inheritdoc />
    public partial class Lobby : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "challenges",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    size = table.Column<int>(type: "integer", nullable: false),
                    ko_rule = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    scoring = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    komi = table.Column<double>(type: "double precision", nullable: false),
                    handicap = table.Column<int>(type: "integer", nullable: false),
                    creator_color = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    creator_key = table.Column<string>(type: "character(10)", fixedLength: true, maxLength: 10, nullable: false),
                    creator_instance = table.Column<Guid>(type: "uuid", nullable: false),
                    creator_connection = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    time_system = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    main_time_ms = table.Column<long>(type: "bigint", nullable: false),
                    period_time_ms = table.Column<long>(type: "bigint", nullable: false),
                    periods = table.Column<int>(type: "integer", nullable: false),
                    stones = table.Column<int>(type: "integer", nullable: false),
                    increment_ms = table.Column<long>(type: "bigint", nullable: false),
                    cap_ms = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_challenges", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_games_updated_at",
                table: "games",
                column: "updated_at",
                filter: "listed AND status <> 'complete'");

            migrationBuilder.CreateIndex(
                name: "ix_challenges_seen_at",
                table: "challenges",
                column: "seen_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "challenges");

            migrationBuilder.DropIndex(
                name: "ix_games_updated_at",
                table: "games");
        }
    }
}
