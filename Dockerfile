# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# global.json pins the SDK for local builds; the image brings its own 10.0 SDK.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Linyi.Dashboard.Web/Linyi.Dashboard.Web.csproj src/Linyi.Dashboard.Web/
RUN dotnet restore src/Linyi.Dashboard.Web/Linyi.Dashboard.Web.csproj
COPY seeds/ seeds/
COPY src/ src/
RUN dotnet publish src/Linyi.Dashboard.Web -c Release -o /app --no-restore

# Only the ASP.NET Core runtime is taken from the official image (Ubuntu 24.04, where `apt-get install chromium` is a
# wrapper for a snap, which cannot run in a container).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS aspnet

# The runtime stage is Debian 12, which packages a real Chromium. .NET 10 ships no Debian images, so the runtime is
# copied in with the libraries it needs (ICU, OpenSSL, zlib, time zones, certificates).
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates tzdata libc6 libgcc-s1 libstdc++6 libicu72 libssl3 zlib1g \
        chromium fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
# PDFs print in WenQuanYi Micro Hei: a TrueType CJK font, embedded as a real subset font (not Type 3 glyphs).
COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && groupadd --gid 1654 app && useradd --uid 1654 --gid app --create-home --shell /bin/false app
ENV APP_UID=1654 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_ROOT=/usr/share/dotnet \
    ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__MigrateOnStartup=true \
    Database__SeedOnStartup=true \
    Pdf__ChromiumPath=/usr/bin/chromium
WORKDIR /app
COPY --from=build /app .
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Linyi.Dashboard.Web.dll"]
