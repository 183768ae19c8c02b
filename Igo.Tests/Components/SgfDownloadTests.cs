using Bunit;
using Igo.Web.Components.Play;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class SgfDownloadTests : ComponentTestBase
{
    private readonly AskedRecords records = new();

    public SgfDownloadTests() => Context.Services.AddSingleton<IGameRecords>(records);

    private (IRenderedComponent<MudSnackbarProvider> Snackbar, IRenderedComponent<SgfDownload> Button) RenderFor(FakeGameSeat seat, string? computer = null)
    {
        RenderInteractively();
        var snackbar = Context.Render<MudSnackbarProvider>();
        return (snackbar, Context.Render<SgfDownload>(p => p.Add(d => d.Seat, seat).Add(d => d.OpponentComputer, computer)));
    }

    [Fact]
    public void The_record_names_the_computer_on_its_side_and_is_handed_to_the_browser_as_a_file()
    {
        var download = Context.JSInterop.SetupVoid("igo.download", _ => true);
        records.File = new GameFile("igo-2026-11-28-9x9-1.sgf", "application/x-go-sgf", "(;FF[4]GM[1]SZ[9]PW[GNU Go, level 5])");
        var seat = new FakeGameSeat("BlackKey01", Color.Black, Snapshots.Of(TestViews.Empty(9)), opponentIsComputer: true);
        var (_, button) = RenderFor(seat, "GNU Go, level 5");

        button.Find("[data-action=download-sgf]").Click();

        Assert.Equal([(seat.GameId, null, "GNU Go, level 5")], records.Asked);
        var call = Assert.Single(download.Invocations);
        Assert.Equal(["igo-2026-11-28-9x9-1.sgf", "application/x-go-sgf", "(;FF[4]GM[1]SZ[9]PW[GNU Go, level 5])"], call.Arguments);
    }

    [Fact]
    public void A_game_whose_record_is_gone_is_explained_and_nothing_is_downloaded()
    {
        var seat = new FakeGameSeat("WhiteKey01", Color.White, Snapshots.Of(TestViews.Empty(9)));
        var (snackbar, button) = RenderFor(seat);

        button.Find("[data-action=download-sgf]").Click();

        Assert.Equal([(seat.GameId, (string?)null, (string?)null)], records.Asked);
        snackbar.WaitForAssertion(() => Assert.Contains("The game record could not be found.", snackbar.Markup, StringComparison.Ordinal));
        Assert.Empty(Context.JSInterop.Invocations["igo.download"]);
    }

    private sealed class AskedRecords : IGameRecords
    {
        public List<(long GameId, string? BlackComputer, string? WhiteComputer)> Asked { get; } = [];

        public GameFile? File { get; set; }

        public Task<GameFile?> SgfAsync(long gameId, string? blackComputer, string? whiteComputer, CancellationToken cancellationToken = default)
        {
            Asked.Add((gameId, blackComputer, whiteComputer));
            return Task.FromResult(File);
        }
    }
}
