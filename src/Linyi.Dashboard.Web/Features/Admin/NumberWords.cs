
using Linyi.Dashboard.Web.Localization;

namespace Linyi.Dashboard.Web.Features.Admin;

/// <summary>A count spelled out, so that a destructive step states it in words as well as digits.</summary>
public static class NumberWords
{
    // The Chinese numerals are the digits' translations in the resource file.
    private static readonly string[] ZhDigits =
    [
        Words.Zh("zero|digit"), Words.Zh("one|digit"), Words.Zh("two|digit"), Words.Zh("three|digit"), Words.Zh("four|digit"),
        Words.Zh("five|digit"), Words.Zh("six|digit"), Words.Zh("seven|digit"), Words.Zh("eight|digit"), Words.Zh("nine|digit"),
    ];
    private static readonly string[] ZhUnits = ["", Words.Zh("ten|digit place"), Words.Zh("hundred|digit place"), Words.Zh("thousand|digit place")];
    private static readonly string ZhTenThousand = Words.Zh("ten thousand|digit place");
    private static readonly string[] EnSmall =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    private static readonly string[] EnTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static string Of(int n) => Localized.IsEnglish ? English(n) : Chinese(n);

    public static string Chinese(int n)
    {
        if (n is < 0 or > 99_999_999)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (n == 0)
        {
            return ZhDigits[0];
        }
        var text = n >= 10_000 ? Group(n / 10_000) + ZhTenThousand + (n % 10_000 is > 0 and < 1000 ? ZhDigits[0] : "") + (n % 10_000 > 0 ? Group(n % 10_000) : "") : Group(n);
        // "One ten two" is said "ten two" (12).
        var oneTen = ZhDigits[1] + ZhUnits[1];
        return text.StartsWith(oneTen, StringComparison.Ordinal) ? text[ZhDigits[1].Length..] : text;
    }

    private static string Group(int n)
    {
        var text = "";
        var zero = false;
        for (var place = 3; place >= 0; place--)
        {
            var digit = n / (int)Math.Pow(10, place) % 10;
            if (digit == 0)
            {
                zero = text.Length > 0;
                continue;
            }
            text += (zero ? ZhDigits[0] : "") + ZhDigits[digit] + ZhUnits[place];
            zero = false;
        }
        return text;
    }

    public static string English(int n) => n switch
    {
        < 0 => "minus " + English(-n),
        < 20 => EnSmall[n],
        < 100 => EnTens[n / 10] + (n % 10 > 0 ? "-" + EnSmall[n % 10] : ""),
        < 1000 => EnSmall[n / 100] + " hundred" + (n % 100 > 0 ? " and " + English(n % 100) : ""),
        < 1_000_000 => English(n / 1000) + " thousand" + (n % 1000 > 0 ? (n % 1000 < 100 ? " and " : " ") + English(n % 1000) : ""),
        _ => English(n / 1_000_000) + " million" + (n % 1_000_000 > 0 ? " " + English(n % 1_000_000) : ""),
    };
}
