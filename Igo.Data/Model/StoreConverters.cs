using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Igo.Data.Model;

/// <summary>Stores an enum as its snake_case name ("positional_superko"), so the tables read well in plain SQL.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => SnakeCaseEnumNames<TEnum>.ToName[value],
    name => SnakeCaseEnumNames<TEnum>.FromName[name])
    where TEnum : struct, Enum;

internal static class SnakeCaseEnumNames<TEnum>
    where TEnum : struct, Enum
{
    public static readonly Dictionary<TEnum, string> ToName =
        Enum.GetValues<TEnum>().ToDictionary(value => value, value => SnakeCase.From(value.ToString()));

    public static readonly Dictionary<string, TEnum> FromName =
        ToName.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static int MaxLength => ToName.Values.Max(name => name.Length);
}

/// <summary>
/// SQLite has no timestamp type and EF refuses to order or compare DateTimeOffset there. Stored as fixed-width UTC
/// ISO 8601 text ("2026-11-28T02:34:13.1234567Z"), the values sort and compare as text in time order and stay readable.
/// </summary>
internal sealed class UtcIsoTextConverter() : ValueConverter<DateTimeOffset, string>(
    value => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
    text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
