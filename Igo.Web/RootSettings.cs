using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Igo.Web;

internal static class RootSettings
{
    /// <summary>
    /// Loads the repository's root appsettings.json (copied beside the binaries) with the lowest precedence,
    /// so that environment variables and the command line still override it.
    /// </summary>
    public static IConfigurationBuilder AddRootSettings(this IConfigurationManager configuration, IHostEnvironment environment)
    {
        var directory = AppContext.BaseDirectory;
        var sources = (IConfigurationBuilder)configuration;
        foreach (var name in new[] { $"appsettings.{environment.EnvironmentName}.json", "appsettings.json" })
        {
            if (File.Exists(Path.Combine(directory, name)))
            {
                sources.Sources.Insert(0, new JsonConfigurationSource
                {
                    FileProvider = new PhysicalFileProvider(directory),
                    Path = name,
                    Optional = true,
                    ReloadOnChange = false,
                });
            }
        }

        return sources;
    }
}
