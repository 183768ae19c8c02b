namespace Igo.Domain;

/// <summary>
/// Fixed handicap placement on the star points, in the order of the GTP specification (as GNU Go places them):
/// 2: D4 Q16; 3: + D16; 4: + Q4; 5: + tengen; 6: four corners + both left and right sides; 7: + tengen;
/// 8: corners and all four sides; 9: + tengen. The points sit on the 3rd line on 9x9 and the 4th line on 13x13 and 19x19.
/// </summary>
public static class Handicap
{
    public const int MinStones = 2;
    public const int MaxStones = 9;

    public static bool IsSupported(int size, int stones) =>
        stones == 0 || (stones is >= MinStones and <= MaxStones && size is 9 or 13 or 19);

    /// <summary>The points of a fixed handicap of <paramref name="stones"/> stones (none for 0).</summary>
    public static IReadOnlyList<Point> StandardPoints(int size, int stones)
    {
        if (!IsSupported(size, stones))
        {
            throw new ArgumentException(
                $"A handicap of {stones} stones is not supported on {size}x{size}: use 0, or 2 to 9 stones on 9x9, 13x13 or 19x19.",
                nameof(stones));
        }

        if (stones == 0)
        {
            return [];
        }

        var edge = size == 9 ? 2 : 3;
        var (near, middle, far) = (edge, size / 2, size - 1 - edge);
        Point lowerLeft = new(far, near), upperRight = new(near, far), upperLeft = new(near, near), lowerRight = new(far, far);
        Point left = new(middle, near), right = new(middle, far), top = new(near, middle), bottom = new(far, middle);
        Point center = new(middle, middle);

        Point[] corners = [lowerLeft, upperRight, upperLeft, lowerRight];
        return stones switch
        {
            <= 4 => corners[..stones],
            5 => [.. corners, center],
            6 => [.. corners, left, right],
            7 => [.. corners, left, right, center],
            8 => [.. corners, left, right, bottom, top],
            _ => [.. corners, left, right, bottom, top, center],
        };
    }
}
