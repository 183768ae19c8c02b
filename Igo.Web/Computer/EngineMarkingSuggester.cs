using Igo.Computer;
using Igo.Domain;
using Igo.Web.Games;
using Microsoft.Extensions.Options;

namespace Igo.Web.Computer;

/// <summary>The scoring phase's starting marking from the position advisor's judgement (GNU Go when it is here), unless turned off.</summary>
internal sealed class EngineMarkingSuggester(IPositionAdvisor advisor, IOptions<ComputerOptions> options) : IMarkingSuggester
{
    public async Task<IReadOnlyList<Point>> SuggestDeadAsync(GameView view, CancellationToken cancellationToken = default)
    {
        if (!options.Value.SuggestDeadStones)
        {
            return [];
        }

        var judgement = await advisor.JudgeAsync(view, cancellationToken);
        return judgement.DeadStones;
    }
}
