namespace Igo.Domain;

/// <summary>A player's colour. The numeric values match <see cref="Stone"/> so the two convert by cast.</summary>
public enum Color : byte
{
    Black = 1,
    White = 2,
}

/// <summary>What occupies a point of the board.</summary>
public enum Stone : byte
{
    Empty = 0,
    Black = 1,
    White = 2,
}

public static class ColorExtensions
{
    public static Color Opponent(this Color color) => color == Color.Black ? Color.White : Color.Black;

    public static Stone ToStone(this Color color) => (Stone)color;

    /// <summary>Lowercase word as the protocol and the explanation strings use it ("black").</summary>
    public static string ToWord(this Color color) => color == Color.Black ? "black" : "white";

    /// <summary>Capitalised word for the start of a sentence ("Black").</summary>
    public static string ToTitle(this Color color) => color == Color.Black ? "Black" : "White";

    public static Color? ToColor(this Stone stone) => stone == Stone.Empty ? null : (Color)stone;
}
