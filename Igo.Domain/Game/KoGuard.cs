namespace Igo.Domain;

internal enum KoViolation
{
    None,
    SimpleKo,
    PositionalSuperko,
    SituationalSuperko,
}

/// <summary>
/// The ko rule of a game, by hash. Simple ko is docs/PROTOCOL.md §5.2 to the letter: a placement may not produce the board as
/// it was just before the most recent placement (passes do not reset that snapshot). Superko also remembers every
/// position of the line of play: the boards (positional) or the boards with the player to move (situational).
/// An immediate retake is reported as simple ko under every rule, being the case players know by that name.
/// Positions are compared by 64-bit Zobrist hash, as every Go engine does; a false match has a chance of about 2^-64.
/// </summary>
internal sealed class KoGuard
{
    private readonly KoRule rule;
    private readonly HashSet<ulong> seen = [];
    private ulong? beforeLastPlacement;

    public KoGuard(KoRule rule, ulong startHash, Color toMove)
    {
        this.rule = rule;
        Remember(startHash, toMove);
    }

    public KoViolation Check(ulong hashAfter, Color toMoveAfter)
    {
        if (hashAfter == beforeLastPlacement)
        {
            return KoViolation.SimpleKo;
        }

        return rule switch
        {
            KoRule.PositionalSuperko when seen.Contains(hashAfter) => KoViolation.PositionalSuperko,
            KoRule.SituationalSuperko when seen.Contains(Situational(hashAfter, toMoveAfter)) => KoViolation.SituationalSuperko,
            _ => KoViolation.None,
        };
    }

    public void AfterPlacement(ulong hashBefore, ulong hashAfter, Color toMove)
    {
        beforeLastPlacement = hashBefore;
        Remember(hashAfter, toMove);
    }

    /// <summary>After a pass or a removal of dead stones: the position (with its player to move) has occurred.</summary>
    public void AfterOtherChange(ulong hash, Color toMove) => Remember(hash, toMove);

    private static ulong Situational(ulong hash, Color toMove) => toMove == Color.White ? hash ^ Zobrist.WhiteToMove : hash;

    private void Remember(ulong hash, Color toMove)
    {
        switch (rule)
        {
            case KoRule.PositionalSuperko:
                seen.Add(hash);
                break;
            case KoRule.SituationalSuperko:
                seen.Add(Situational(hash, toMove));
                break;
            default:
                break; // simple ko needs only the snapshot before the last placement
        }
    }
}
