namespace Igo.Tests.Computer;

/// <summary>
/// A tiny GTP engine written in shell, for the failure cases a real engine will not produce on demand:
/// a multi-line answer, an engine that hangs, one that crashes, one that prints junk.
/// </summary>
internal sealed class FakeGtpEngine : IDisposable
{
    private const string Script = """
        #!/bin/sh
        echo "fake engine starting up"
        while IFS= read -r line; do
          id=${line%% *}
          command=${line#* }
          case "$command" in
            list_commands) printf '=%s list_commands\nmultiline\nhang\ncrash\nquit\n\n' "$id" ;;
            multiline) printf '=%s first\r\nsecond\r\n\r\n' "$id" ;;
            hang) sleep 60 ;;
            crash) exit 3 ;;
            quit) printf '=%s\n\n' "$id"; exit 0 ;;
            *) printf '?%s unknown command\n\n' "$id" ;;
          esac
        done
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("igo-fake-gtp-").FullName;

    public FakeGtpEngine()
    {
        Path = System.IO.Path.Combine(directory, "engine.sh");
        File.WriteAllText(Path, Script.Replace("\r", string.Empty, StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
