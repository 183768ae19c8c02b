using Igo.Data.Model;
using Npgsql;
using NpgsqlTypes;

namespace Igo.Data.Stores;

/// <summary>Parameters and column values as the Igo tables hold them (enums as snake_case words, times as timestamptz).</summary>
internal static class PostgresValues
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => SnakeCaseEnumNames<TEnum>.ToName[value];

    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum => SnakeCaseEnumNames<TEnum>.FromName[name];

    public static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter OptionalLong(long? value) => new() { Value = value is { } v ? v : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint };

    public static NpgsqlParameter Time(DateTimeOffset value) => new NpgsqlParameter<DateTimeOffset> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter OptionalTime(DateTimeOffset? value) =>
        new() { Value = value is { } v ? v : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter OptionalGuid(Guid? value) => new() { Value = value is { } v ? v : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid };

    public static string? OptionalString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset? OptionalTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
