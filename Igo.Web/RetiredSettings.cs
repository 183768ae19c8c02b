using Microsoft.Extensions.Options;

namespace Igo.Web;

/// <summary>
/// Settings of an older release whose name or meaning is gone. One left in a configuration stops the app at start with
/// a message saying what replaced it, rather than being silently ignored.
/// </summary>
public static class RetiredSettings
{
    public static OptionsBuilder<TOptions> RejectRetired<TOptions>(this OptionsBuilder<TOptions> builder, string section, IReadOnlyList<string> names, string replacement)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var listed = string.Join(" and ", names.Select(name => $"{section}:{name}"));
        return builder.Validate<IConfiguration>(
            (_, configuration) => names.All(name => configuration.GetSection(section)[name] is null),
            $"{listed} are gone: {replacement}");
    }
}
