using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Components.Play;

/// <summary>
/// Lets a component observe a seat without implementing <see cref="IGameObserver"/> itself; the component's
/// callbacks marshal onto its circuit. After <see cref="Detach"/> late events are dropped.
/// </summary>
public sealed class GameObserverAdapter(
    Func<GameSnapshot, Task> changed,
    Func<ChatMessage, Task> chat,
    Func<Color, bool, Task> presence) : IGameObserver
{
    private volatile bool detached;

    public void Detach() => detached = true;

    public Task OnGameChangedAsync(GameSnapshot snapshot) => detached ? Task.CompletedTask : changed(snapshot);

    public Task OnChatAsync(ChatMessage message) => detached ? Task.CompletedTask : chat(message);

    public Task OnPresenceAsync(Color color, bool connected) => detached ? Task.CompletedTask : presence(color, connected);
}
