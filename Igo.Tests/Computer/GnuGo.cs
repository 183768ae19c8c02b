using Igo.Computer.Gtp;

namespace Igo.Tests.Computer;

/// <summary>Where the tests find GNU Go (Debian's package); tests that need it skip, saying why, when it is absent.</summary>
internal static class GnuGo
{
    public static readonly GtpCommandLine CommandLine = new("/usr/games/gnugo", ["--mode", "gtp"]);

    public static void SkipUnlessInstalled() =>
        Assert.SkipUnless(CommandLine.IsInstalled(), "GNU Go is not installed at /usr/games/gnugo (Debian package 'gnugo'; test.sh installs it when run as root).");
}
