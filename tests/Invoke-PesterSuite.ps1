<#
.SYNOPSIS
    Runs the Pester suite (tests/*.Tests.ps1) in this pwsh, against the module built by `dotnet build -c Release`.
.DESCRIPTION
    Pester comes from NuGet (tests/pwsh/Pester.csproj downloads it into the NuGet package folder); tests/run.sh restores it.
    Exits non-zero when a test fails.
#>
param([string] $PesterVersion = '5.7.1')
$ErrorActionPreference = 'Stop'

$packages = $env:NUGET_PACKAGES ?? (Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages')
$pester = Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
if (-not (Test-Path $pester)) { throw "Pester $PesterVersion is not restored ($pester): run 'dotnet restore tests/pwsh/Pester.csproj'." }
Import-Module $pester -Force

$config = New-PesterConfiguration
$config.Run.Path = Get-ChildItem -Path $PSScriptRoot -Filter *.Tests.ps1 | ForEach-Object FullName
$config.Run.Exit = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = Join-Path $PSScriptRoot '../TestResults/pester.xml'
Invoke-Pester -Configuration $config
