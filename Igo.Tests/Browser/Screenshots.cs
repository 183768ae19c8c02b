namespace Igo.Tests.Browser;

/// <summary>
/// Where the browser tests save their screenshots: under .artifacts/screenshots at the repository root, so a test run
/// leaves the working tree clean; with IGO_UPDATE_SCREENSHOTS=1, into docs/screenshots, the ones the README shows.
/// </summary>
internal static class Screenshots
{
    public static string PathOf(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Igo.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException("The repository root (Igo.sln) was not found above the test binaries.");
        var update = Environment.GetEnvironmentVariable("IGO_UPDATE_SCREENSHOTS") == "1";
        var folder = update ? Path.Combine(root, "docs", "screenshots") : Path.Combine(root, ".artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
