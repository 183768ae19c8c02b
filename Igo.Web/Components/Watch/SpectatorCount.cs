namespace Igo.Web.Components.Watch;

/// <summary>How the pages say how many watch a game.</summary>
public static class SpectatorCount
{
    public static string Text(int count) => count switch
    {
        0 => "No spectators",
        1 => "1 spectator",
        _ => $"{count} spectators",
    };
}
