namespace Linyi.Dashboard.Web.Data.Seeding;

public sealed record SeedError(string File, int Line, int Column, Sentence Text)
{
    /// <summary>The message of record, in English.</summary>
    public string Message => Text.English;

    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

public sealed class SeedValidationException(IReadOnlyList<SeedError> errors)
    : Exception($"The seed data has {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors.Take(50))}")
{
    public IReadOnlyList<SeedError> Errors { get; } = errors;
}
