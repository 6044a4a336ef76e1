namespace Linyi.Dashboard.Web.Infrastructure;

public static class InlineSockets
{
    public const string Setting = "Server:InlineSockets";

    /// <summary>
    /// On Linux, runs socket completions and the request pipeline on the thread that received the data, instead of handing
    /// each over to the thread pool (Server:InlineSockets, on by default; ADR 0016). A cached page is then answered without
    /// a thread switch, which is most of what a small response costs on a two-core server. It is safe here because no
    /// request path blocks a thread: database, file and Chromium work is asynchronous.
    /// </summary>
    public static void UseInlineSocketScheduling(this WebApplicationBuilder builder)
    {
        if (!OperatingSystem.IsLinux() || !builder.Configuration.GetValue(Setting, true))
        {
            return;
        }
        // Read once by the socket engine when the first socket opens, which is after this (the database is not yet touched).
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        builder.WebHost.UseSockets(options => options.UnsafePreferInlineScheduling = true);
    }
}
