using Bunit;
using Igo.Computer;
using Igo.Testing.Games;
using Igo.Web.Browser;
using Igo.Web.Circuits;
using Igo.Web.Components.Pages;
using Igo.Web.Games;
using Igo.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Igo.Tests.Components;

/// <summary>
/// The game page as a circuit renders it: the app's UI services with the coordinator in memory (its joins answered as the test says), records, advisor and computer
/// catalogue, and MudBlazor's popover, dialog and snackbar providers beside the page.
/// </summary>
public abstract class GamePageTestBase : ComponentTestBase
{
    protected GamePageTestBase()
    {
        Context.Services.AddSingleton<IGameCoordinator>(Coordinator);
        Context.Services.AddSingleton(new SeatRetryPolicy([TimeSpan.Zero, TimeSpan.Zero]));
        Context.Services.AddIgoSecurity();
        Context.Services.AddIgoCircuits().AddIgoBrowser();
        Context.Services.AddSingleton<IGameRecords>(Records);
        Context.Services.AddSingleton<IRematches>(Rematches);
        Context.Services.AddSingleton<IPositionAdvisor>(Advisor);
        Context.Services.AddSingleton<IComputerOpponents>(Computers);
    }

    internal InMemoryCoordinator Coordinator { get; } = new();

    internal FakeGameRecords Records { get; } = new();

    internal FakeRematches Rematches { get; } = new();

    internal FakePositionAdvisor Advisor { get; } = new();

    internal FakeComputerOpponents Computers { get; } = new(
        new ComputerOpponent("gnugo", "GNU Go", "GNU Go 3.8 at its full strength."),
        new ComputerOpponent("builtin-club", "Built-in, club", "Our own Monte-Carlo player thinking 1 s a move."));

    /// <summary>The coordinator answers the joins with <paramref name="outcomes"/> in turn, the last one again and again.</summary>
    internal void AnswerJoins(params SeatOutcome[] outcomes)
    {
        var joins = 0;
        Coordinator.AnswerJoin = _ => Task.FromResult(outcomes[Math.Min(joins++, outcomes.Length - 1)]);
    }

    /// <summary>Opens <c>/game/{key}</c>; the coordinator answers the page's joins with <paramref name="outcomes"/> in turn.</summary>
    internal (IRenderedComponent<IComponent> Providers, IRenderedComponent<GamePage> Page) OpenGame(string key, params SeatOutcome[] outcomes)
    {
        AnswerJoins(outcomes);
        RenderInteractively();
        var providers = Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
        });
        var page = Context.Render<GamePage>(p => p.Add(g => g.Key, key));
        return ((IRenderedComponent<IComponent>)providers, page);
    }
}
