namespace Igo.Computer.Gtp;

/// <summary>How to start an engine in GTP mode, e.g. <c>/usr/games/gnugo --mode gtp</c>.</summary>
public sealed record GtpCommandLine(string Command, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// Whether the command can be started here: an executable file at that path, or on PATH for a bare name.
    /// A cheap check so the catalogue does not offer an engine that is not installed.
    /// </summary>
    public bool IsInstalled() => ResolveExecutable() is not null;

    public string? ResolveExecutable()
    {
        if (string.IsNullOrWhiteSpace(Command))
        {
            return null;
        }

        if (Command.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(Command) ? Command : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, Command);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public override string ToString() => Arguments.Count == 0 ? Command : $"{Command} {string.Join(' ', Arguments)}";

    private static bool IsExecutable(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & anyExecute) != 0;
    }
}
