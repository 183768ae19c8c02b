using Igo.Data.Model;
using Igo.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Igo.Data;

/// <summary>
/// The store: games, player keys, the append-only action log, chat, the instances' presence leases, the engine reviews of finished games and the lobby's open challenges.
/// Tables and columns are snake_case and values are plain (enums as words, times as timestamptz), so the data reads well in psql.
/// </summary>
public sealed class IgoDbContext(DbContextOptions<IgoDbContext> options) : DbContext(options)
{
    public DbSet<GameRecord> Games => Set<GameRecord>();

    public DbSet<PlayerKeyRecord> PlayerKeys => Set<PlayerKeyRecord>();

    public DbSet<ActionRecord> Actions => Set<ActionRecord>();

    public DbSet<ChatMessageRecord> ChatMessages => Set<ChatMessageRecord>();

    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();

    public DbSet<GameAnalysisRecord> GameAnalyses => Set<GameAnalysisRecord>();

    public DbSet<SpectatorMessageRecord> SpectatorMessages => Set<SpectatorMessageRecord>();

    public DbSet<GameSpectatorsRecord> GameSpectators => Set<GameSpectatorsRecord>();

    public DbSet<ChallengeRecord> Challenges => Set<ChallengeRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Color>().HaveConversion<SnakeCaseEnumConverter<Color>>().HaveMaxLength(5);
        configurationBuilder.Properties<KoRule>().HaveConversion<SnakeCaseEnumConverter<KoRule>>().HaveMaxLength(SnakeCaseEnumNames<KoRule>.MaxLength);
        configurationBuilder.Properties<ScoringRule>().HaveConversion<SnakeCaseEnumConverter<ScoringRule>>().HaveMaxLength(SnakeCaseEnumNames<ScoringRule>.MaxLength);
        configurationBuilder.Properties<GameStatus>().HaveConversion<SnakeCaseEnumConverter<GameStatus>>().HaveMaxLength(SnakeCaseEnumNames<GameStatus>.MaxLength);
        configurationBuilder.Properties<ResultType>().HaveConversion<SnakeCaseEnumConverter<ResultType>>().HaveMaxLength(SnakeCaseEnumNames<ResultType>.MaxLength);
        configurationBuilder.Properties<ActionType>().HaveConversion<SnakeCaseEnumConverter<ActionType>>().HaveMaxLength(SnakeCaseEnumNames<ActionType>.MaxLength);
        configurationBuilder.Properties<TimeSystem>().HaveConversion<SnakeCaseEnumConverter<TimeSystem>>().HaveMaxLength(SnakeCaseEnumNames<TimeSystem>.MaxLength);
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcIsoTextConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ConfigureGames(modelBuilder.Entity<GameRecord>());
        ConfigurePlayerKeys(modelBuilder.Entity<PlayerKeyRecord>());
        ConfigureActions(modelBuilder.Entity<ActionRecord>());
        ConfigureChat(modelBuilder.Entity<ChatMessageRecord>());
        ConfigureInstances(modelBuilder.Entity<InstanceRecord>());
        ConfigureAnalyses(modelBuilder.Entity<GameAnalysisRecord>());
        ConfigureSpectators(modelBuilder.Entity<SpectatorMessageRecord>(), modelBuilder.Entity<GameSpectatorsRecord>());
        ConfigureChallenges(modelBuilder.Entity<ChallengeRecord>());
        UseSnakeCaseColumns(modelBuilder);
    }

    private static void ConfigureGames(EntityTypeBuilder<GameRecord> game)
    {
        game.ToTable("games", table => table.HasCheckConstraint("ck_games_version", "version >= 0"));
        game.HasKey(g => g.Id);
        game.Ignore(g => g.Rules);
        game.Ignore(g => g.TimeControl);

        // The timeout sweep reads the timed games not over and picks those whose deadline passed. Not an index on the
        // deadline itself: every timed move changes it, and an indexed column that a move changes makes the move's
        // update non-HOT (see below). The games in play are few next to the moves they make, so reading them all four
        // times a second costs less than an index entry per move.
        game.HasIndex(g => g.Id, "ix_games_timed_in_play").HasFilter("time_system <> 'none' AND status <> 'complete'");
        game.Property(g => g.WatchId).HasMaxLength(WatchIds.Length).IsFixedLength();
        game.HasIndex(g => g.WatchId).IsUnique();

        // Every action updates its game row: with room left on the page and no indexed column changed, PostgreSQL updates
        // it in place (a HOT update), writing no index entry and leaving no dead one for the next lookup to step over.
        game.HasStorageParameter("fillfactor", 80);

        // The lobby's live games: the public games not over. Keyed on the id, not on updated_at (which the lobby sorts
        // by): an index on a column every action changes would make every action's update a non-HOT one.
        game.HasIndex(g => g.Id, "ix_games_live").HasFilter("listed AND status <> 'complete'");

        // One rematch per game: the second of two racing presses fails here and finds the first one's game. (No foreign
        // key: SQLite cannot drop a column that has one, and games are never deleted.)
        game.HasIndex(g => g.RematchOf).IsUnique();
    }

    private static void ConfigurePlayerKeys(EntityTypeBuilder<PlayerKeyRecord> key)
    {
        key.ToTable("player_keys");
        key.HasKey(k => k.Key);
        key.Property(k => k.Key).HasMaxLength(PlayerKeyRecord.KeyLength).IsFixedLength();
        key.Property(k => k.OpponentKey).HasMaxLength(PlayerKeyRecord.KeyLength).IsFixedLength();
        key.Property(k => k.ComputerSecret).HasMaxLength(PlayerKeyRecord.KeyLength).IsFixedLength();
        key.Property(k => k.ComputerLevel).HasMaxLength(64);
        key.Property(k => k.HeldByConnection).HasMaxLength(128);
        key.HasOne<GameRecord>().WithMany().HasForeignKey(k => k.GameId).OnDelete(DeleteBehavior.Cascade);
        key.HasIndex(k => new { k.GameId, k.Color }).IsUnique();
        key.HasIndex(k => k.HeldByInstance);
    }

    private static void ConfigureActions(EntityTypeBuilder<ActionRecord> action)
    {
        action.ToTable("actions", table => table.HasCheckConstraint("ck_actions_sequence", "sequence >= 1"));
        action.HasKey(a => new { a.GameId, a.Sequence });
        action.HasOne<GameRecord>().WithMany().HasForeignKey(a => a.GameId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void ConfigureChat(EntityTypeBuilder<ChatMessageRecord> chat)
    {
        chat.ToTable("chat_messages");
        chat.HasKey(c => c.Id);
        chat.Property(c => c.Text).HasMaxLength(ChatRules.MaxLength);
        chat.HasOne<GameRecord>().WithMany().HasForeignKey(c => c.GameId).OnDelete(DeleteBehavior.Cascade);
        chat.HasIndex(c => new { c.GameId, c.Id });
    }

    private static void ConfigureInstances(EntityTypeBuilder<InstanceRecord> instance)
    {
        instance.ToTable("instances");
        instance.HasKey(i => i.Id);
        instance.Property(i => i.Id).ValueGeneratedNever();
        instance.Property(i => i.HostName).HasMaxLength(255);
        instance.HasIndex(i => i.LeaseExpiresAt);
    }

    private static void ConfigureAnalyses(EntityTypeBuilder<GameAnalysisRecord> analysis)
    {
        analysis.ToTable("game_analyses");
        analysis.HasKey(a => a.GameId);
        analysis.Property(a => a.GameId).ValueGeneratedNever();
        analysis.Property(a => a.Engine).HasMaxLength(32);
        analysis.HasOne<GameRecord>().WithOne().HasForeignKey<GameAnalysisRecord>(a => a.GameId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void ConfigureSpectators(EntityTypeBuilder<SpectatorMessageRecord> message, EntityTypeBuilder<GameSpectatorsRecord> count)
    {
        message.ToTable("spectator_messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Name).HasMaxLength(SpectatorNames.MaxLength);
        message.Property(m => m.Text).HasMaxLength(ChatRules.MaxLength);
        message.HasOne<GameRecord>().WithMany().HasForeignKey(m => m.GameId).OnDelete(DeleteBehavior.Cascade);
        message.HasIndex(m => new { m.GameId, m.Id });

        count.ToTable("game_spectators", table => table.HasCheckConstraint("ck_game_spectators_count", "count >= 0"));
        count.HasKey(c => new { c.GameId, c.InstanceId });
        count.HasOne<GameRecord>().WithMany().HasForeignKey(c => c.GameId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void ConfigureChallenges(EntityTypeBuilder<ChallengeRecord> challenge)
    {
        challenge.ToTable("challenges");
        challenge.HasKey(c => c.Id);
        challenge.Ignore(c => c.Rules);
        challenge.Ignore(c => c.TimeControl);
        challenge.Property(c => c.CreatorKey).HasMaxLength(PlayerKeyRecord.KeyLength).IsFixedLength();
        challenge.Property(c => c.CreatorConnection).HasMaxLength(128);

        // The lobby lists the challenges seen within the grace, and the sweep deletes the others.
        challenge.HasIndex(c => c.SeenAt);
    }

    private static void UseSnakeCaseColumns(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase.From(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName($"pk_{entity.GetTableName()}");
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName($"fk_{entity.GetTableName()}_{foreignKey.PrincipalEntityType.GetTableName()}");
            }

            // A named index keeps its name (one of two indexes on the same columns).
            foreach (var index in entity.GetIndexes().Where(i => i.Name is null))
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join('_', index.Properties.Select(p => SnakeCase.From(p.Name)))}");
            }
        }
    }
}
