namespace Igo.Data.Configuration;

/// <summary>
/// What brings an embedded SQLite file from one schema to the next (a file records its schema as the number of
/// migrations it matches, in user_version): the PostgreSQL migrations' changes in SQLite's words, additive only, so
/// a player's file keeps its games when Igo is upgraded.
/// </summary>
internal static class SqliteUpgrades
{
    /// <summary>The statements from schema <paramref name="from"/> to the next; null when there is no such step.</summary>
    public static IReadOnlyList<string>? From(int from) => from switch
    {
        // TimedGames: time controls, deadlines, thinking times, presence.
        1 =>
        [
            "ALTER TABLE games ADD COLUMN time_system TEXT NOT NULL DEFAULT 'none'",
            "ALTER TABLE games ADD COLUMN main_time_ms INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE games ADD COLUMN period_time_ms INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE games ADD COLUMN periods INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE games ADD COLUMN stones INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE games ADD COLUMN increment_ms INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE games ADD COLUMN cap_ms INTEGER NULL",
            "ALTER TABLE games ADD COLUMN deadline TEXT NULL",
            "CREATE INDEX ix_games_deadline ON games (deadline) WHERE deadline IS NOT NULL",
            "ALTER TABLE actions ADD COLUMN thinking_ms INTEGER NULL",
            "ALTER TABLE player_keys ADD COLUMN away_since TEXT NULL",
            "UPDATE player_keys SET away_since = (SELECT g.updated_at FROM games g WHERE g.id = player_keys.game_id) WHERE held_by_instance IS NULL",
        ],
        // ScoringPhase: action type names up to 16 characters; SQLite's text has no length, so only the schema number moves.
        2 => [],
        // EngineReview: the engine reviews of finished games, claimed by one instance at a time.
        3 =>
        [
            "CREATE TABLE game_analyses (game_id INTEGER NOT NULL CONSTRAINT pk_game_analyses PRIMARY KEY, claimed_by TEXT NOT NULL, claimed_at TEXT NOT NULL, "
                + "completed_at TEXT NULL, engine TEXT NULL, leads TEXT NULL, "
                + "CONSTRAINT fk_game_analyses_games FOREIGN KEY (game_id) REFERENCES games (id) ON DELETE CASCADE)",
        ],

        // Watching: a watch id for every game (existing ones get theirs here), listed or not, the spectators' chat and count.
        4 =>
        [
            "ALTER TABLE games ADD COLUMN watch_id TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE games ADD COLUMN listed INTEGER NOT NULL DEFAULT 0",
            "UPDATE games SET watch_id = lower(hex(randomblob(16)))",
            "CREATE UNIQUE INDEX ix_games_watch_id ON games (watch_id)",
            "CREATE TABLE spectator_messages (id INTEGER NOT NULL CONSTRAINT pk_spectator_messages PRIMARY KEY AUTOINCREMENT, game_id INTEGER NOT NULL, at TEXT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL, CONSTRAINT fk_spectator_messages_games FOREIGN KEY (game_id) REFERENCES games (id) ON DELETE CASCADE)",
            "CREATE INDEX ix_spectator_messages_game_id_id ON spectator_messages (game_id, id)",
            "CREATE TABLE game_spectators (game_id INTEGER NOT NULL, instance_id TEXT NOT NULL, count INTEGER NOT NULL, CONSTRAINT pk_game_spectators PRIMARY KEY (game_id, instance_id), CONSTRAINT ck_game_spectators_count CHECK (count >= 0), CONSTRAINT fk_game_spectators_games FOREIGN KEY (game_id) REFERENCES games (id) ON DELETE CASCADE)",
        ],
        // Rematch: one rematch per game (the unique rematch_of), the standing offer and the last declined one.
        5 =>
        [
            "ALTER TABLE games ADD COLUMN rematch_of INTEGER NULL",
            "ALTER TABLE games ADD COLUMN rematch_offered_by TEXT NULL",
            "ALTER TABLE games ADD COLUMN rematch_declined TEXT NULL",
            "ALTER TABLE games ADD COLUMN rematch_declined_at TEXT NULL",
            "CREATE UNIQUE INDEX ix_games_rematch_of ON games (rematch_of)",
        ],
        // Lobby: open challenges, kept alive by their creator's page and swept after a grace; the live games' index.
        6 =>
        [
            "CREATE TABLE challenges (id INTEGER NOT NULL CONSTRAINT pk_challenges PRIMARY KEY AUTOINCREMENT, size INTEGER NOT NULL, ko_rule TEXT NOT NULL, "
                + "scoring TEXT NOT NULL, komi REAL NOT NULL, handicap INTEGER NOT NULL, creator_color TEXT NOT NULL, creator_key TEXT NOT NULL, "
                + "creator_instance TEXT NOT NULL, creator_connection TEXT NOT NULL, time_system TEXT NOT NULL, main_time_ms INTEGER NOT NULL, "
                + "period_time_ms INTEGER NOT NULL, periods INTEGER NOT NULL, stones INTEGER NOT NULL, increment_ms INTEGER NOT NULL, cap_ms INTEGER NULL, "
                + "created_at TEXT NOT NULL, seen_at TEXT NOT NULL)",
            "CREATE INDEX ix_challenges_seen_at ON challenges (seen_at)",
            "CREATE INDEX ix_games_updated_at ON games (updated_at) WHERE listed AND status <> 'complete'",
        ],
        // The live games' and the timeout sweep's indexes keyed on the id, not on a column a move changes (PostgreSQL's HOT updates).
        7 =>
        [
            "DROP INDEX ix_games_updated_at",
            "CREATE INDEX ix_games_live ON games (id) WHERE listed AND status <> 'complete'",
            "DROP INDEX ix_games_deadline",
            "CREATE INDEX ix_games_timed_in_play ON games (id) WHERE time_system <> 'none' AND status <> 'complete'",
        ],
        _ => null,
    };
}
