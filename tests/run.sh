#!/usr/bin/env bash
# The project's test command: builds, then runs the xunit suite (Core, cmdlets in a hosted engine, notebooks) and the
# Pester suite in real PowerShell 7.6.9 (tests/*.Tests.ps1). Installs what it needs from NuGet: the local dotnet tools
# of .config/dotnet-tools.json (pwsh) and the Pester module (tests/pwsh/Pester.csproj).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore
dotnet restore tests/pwsh/Pester.csproj
dotnet build ArtifactTools.sln -c Release
status=0
dotnet test ArtifactTools.sln -c Release --no-build --logger "console;verbosity=normal" || status=$?
dotnet tool run pwsh -NoProfile -NonInteractive -File tests/Invoke-PesterSuite.ps1 || status=$?
exit $status
