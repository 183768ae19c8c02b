using Igo.Domain;

namespace Igo.Tests.Domain;

/// <summary>
/// The whole-board judgement a view is built from (one pass over the board) against the rules' judgement of each point
/// alone, after every move of seeded random games on small boards, where suicide and ko come up all the time.
/// </summary>
[Trait("Category", "Domain")]
public sealed class PlacementsTests
{
    [Theory]
    [InlineData(KoRule.Simple, 5, 1)]
    [InlineData(KoRule.Simple, 7, 2)]
    [InlineData(KoRule.PositionalSuperko, 5, 3)]
    [InlineData(KoRule.SituationalSuperko, 5, 4)]
    [InlineData(KoRule.Simple, 19, 5)]
    public void Every_point_is_judged_as_the_rules_judge_it_alone(KoRule ko, int size, int seed)
    {
        var position = Position.Start(size, new Ruleset(ko, ScoringRule.Area, 7.5));
        var random = new Random(seed);
        var refusalsSeen = new HashSet<Type>();
        for (var move = 0; move < 1500; move++)
        {
            var placements = position.PlacementsForTurn();
            var open = new List<Point>();
            for (var index = 0; index < size * size; index++)
            {
                var point = new Point(index / size, index % size);
                var alone = position.PlacementRefusal(point, position.Turn);
                Assert.Equal(alone is null, placements.Legal[index]);
                Assert.Equal(alone is ActionRefusal.Occupied or null ? null : alone, placements.Refusals.GetValueOrDefault(point));
                if (alone is null)
                {
                    open.Add(point);
                }
                else
                {
                    refusalsSeen.Add(alone.GetType());
                }
            }

            Assert.Equal(placements.Refusals.Values.OfType<ActionRefusal.Ko>().SingleOrDefault(k => k.Rule == KoRule.Simple)?.Point, placements.KoPoint);
            if (open.Count == 0 || random.Next(20) == 0)
            {
                position.Pass(position.Turn);
            }
            else
            {
                position.Place(open[random.Next(open.Count)], position.Turn);
            }
        }

        Assert.Contains(typeof(ActionRefusal.Suicide), refusalsSeen);
        Assert.Contains(typeof(ActionRefusal.Ko), refusalsSeen);
    }
}
