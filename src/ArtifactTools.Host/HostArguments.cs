namespace ArtifactTools.Host;

/// <summary>pwsh-style arguments: -Command/-c text, or -File/-f path followed by the script's own arguments.</summary>
public sealed record HostArguments(string? Command, string? ScriptFile, IReadOnlyList<string> ScriptArguments)
{
    public const string Usage = """
        usage: artifacttools -Command <script text>
               artifacttools -File <script.ps1> [arguments...]
        Runs PowerShell with the ArtifactTools module imported.
        """;

    public static HostArguments? Parse(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            var flag = args[i].TrimStart('-').ToLowerInvariant();
            if (flag is "noprofile" or "nologo" or "noninteractive") continue;
            if (i + 1 >= args.Count) return null;
            if (flag is "command" or "c")
                return new HostArguments(string.Join(' ', args.Skip(i + 1)), null, []);
            if (flag is "file" or "f")
                return new HostArguments(null, args[i + 1], args.Skip(i + 2).ToList());
            return null;
        }
        return null;
    }
}
