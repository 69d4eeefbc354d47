# Small test images for the Pester suite, cut from the repository's sample photos with the module's own ImageMagick.
using namespace ImageMagick
# The module's own ImageMagick (the module loads it on first use only; the test images need it first).
Add-Type -Path (Join-Path $PSScriptRoot '../../module/bin/Magick.NET.Core.dll')
Add-Type -Path (Join-Path $PSScriptRoot '../../module/bin/Magick.NET-Q8-AnyCPU.dll')

$Samples = Join-Path $PSScriptRoot '../../data/photos'

function New-TestImage {
    <# Writes a Size x Size crop of a sample photo as Format (Png, Jpeg, Tiff, ...) at Quality; -Gray, -Cmyk, -Alpha,
       -Depth16 make the awkward variants a batch meets. Returns the path. #>
    param(
        [Parameter(Mandatory)][string] $Path,
        [int] $Size = 96,
        [int] $Offset = 0,
        [int] $Quality = 20,
        [switch] $Gray, [switch] $Cmyk, [switch] $Alpha, [switch] $Depth16
    )
    $Path = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
    $image = [MagickImage]::new((Join-Path $Samples 'leaf.png'))
    try {
        $image.Crop([MagickGeometry]::new($Offset, $Offset, [uint]$Size, [uint]$Size))
        $image.ResetPage()
        if ($Gray) { $image.ColorSpace = [ColorSpace]::Gray }
        if ($Cmyk) { $image.ColorSpace = [ColorSpace]::CMYK }
        if ($Alpha) { $image.Alpha([AlphaAction]::Set); $image.Evaluate([Channels]::Alpha, [EvaluateOperator]::Multiply, 0.5) }
        if ($Depth16) { $image.Depth = 16 }
        $image.Quality = [uint]$Quality
        New-Item -ItemType Directory -Force -Path (Split-Path $Path) | Out-Null
        $image.Write($Path)
    }
    finally { $image.Dispose() }
    $Path
}

function Get-TreeFingerprint {
    <# "relative-path hash" lines for every file under a folder: equal fingerprints mean nothing was touched. #>
    param([Parameter(Mandatory)][string] $Path)
    $Path = (Resolve-Path -LiteralPath $Path).ProviderPath
    Get-ChildItem -LiteralPath $Path -Recurse -File -Force | Sort-Object FullName | ForEach-Object {
        '{0} {1}' -f [IO.Path]::GetRelativePath($Path, $_.FullName), (Get-FileHash -LiteralPath $_.FullName).Hash
    }
}

function Get-PwshCommand {
    <# How to start another pwsh like this one: the executable, or dotnet + pwsh.dll when pwsh runs as a dotnet tool. #>
    $self = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { , @($self, (Join-Path $PSHOME 'pwsh.dll')) }
    else { , @($self) }
}

Export-ModuleMember -Function New-TestImage, Get-TreeFingerprint, Get-PwshCommand
