namespace Igo.Tests.Browser;

/// <summary>Where the browser tests save the screenshots the README shows: docs/screenshots at the repository root.</summary>
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
        var folder = Path.Combine(root, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
