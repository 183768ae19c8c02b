using Igo.Domain;
using Igo.Web.Browser;
using Microsoft.AspNetCore.Components;

namespace Igo.Web.Components.Play;

/// <summary>
/// Puts the game held in this browser's recent games (<see cref="RecentGames"/>) when the page opens it, and again when
/// it ends, so that the list says how it ended. Renders nothing.
/// </summary>
public sealed class RecentGameRecorder : ComponentBase
{
    private bool rememberedOpen;
    private bool rememberedEnd;

    [Parameter, EditorRequired]
    public HeldSeat Held { get; set; } = default!;

    [Inject]
    private RecentGames Recent { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var view = Held.View;
        var ended = view.Status == GameStatus.Complete;
        if (rememberedOpen && (rememberedEnd || !ended))
        {
            return;
        }

        rememberedOpen = true;
        rememberedEnd = ended;
        var summary = ended && view.Result is { } result ? GameNarrative.Result(result, view.Score) : $"Move {view.MoveNumber}";
        var opponent = Held.Seat.OpponentIsComputer ? "computer" : "human";
        await Recent.RememberAsync(new RecentGame(Held.Seat.Key, Held.Player, view.Size, opponent, Time.GetUtcNow(), summary));
    }
}
