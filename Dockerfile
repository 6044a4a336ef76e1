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

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Chromium renders the PDF summaries; the CJK font makes Chinese text real, embedded text.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__MigrateOnStartup=true \
    Database__SeedOnStartup=true
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Linyi.Dashboard.Web.dll"]
