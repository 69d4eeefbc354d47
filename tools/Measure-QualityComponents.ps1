<#
.SYNOPSIS
Measures what each restoration component adds, separately, per model and JPEG quality: the network alone, the
quantization-constraint projection after it, the 8-fold self-ensemble, and both (Y channel, grayscale JPEG, the
papers' protocol: PSNR / SSIM / PSNR-B against the clean Y, outputs rounded to 8 bits as a PNG would hold them).

.DESCRIPTION
Each image is restored once per network setting (plain, and with -Ensemble also ensembled); the projection is applied
to that same restored plane, so its gain is measured on identical network outputs. Times are the tiled network's
(RestoreLuma) and the projection's own, per Mpx.

.EXAMPLE
artifacttools -File tools/Measure-QualityComponents.ps1 -ReferencePath ../shared/data/Classic5 -Ensemble
.EXAMPLE
artifacttools -File tools/Measure-QualityComponents.ps1 -ReferencePath ../shared/data/BSDS500/val -Count 20 -Model l8-q10,l8-q20
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ReferencePath,
    [int[]] $Quality = @(10, 20, 30, 40),
    # Shipped model names; by default every shipped model that fits each quality (its own, or the general model).
    [string[]] $Model,
    # The first -Count images of -ReferencePath (by name); all when 0.
    [int] $Count = 0,
    [switch] $Ensemble,
    [string] $Name = [IO.Path]::GetFileName($ReferencePath.TrimEnd('/', '\')).ToLowerInvariant(),
    [string] $OutputDirectory = [IO.Path]::Combine($PSScriptRoot, '..', 'bench', 'results'),
    [string] $Work = [IO.Path]::Combine([IO.Path]::GetTempPath(), 'artifacttools-components')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$invariant = [Globalization.CultureInfo]::InvariantCulture
$here = $ExecutionContext.SessionState.Path.CurrentFileSystemLocation.Path
$ReferencePath = [IO.Path]::GetFullPath($ReferencePath, $here)
$OutputDirectory = [IO.Path]::GetFullPath($OutputDirectory, $here)
$Work = [IO.Path]::Combine($Work, $Name)

$references = @([IO.DirectoryInfo]::new($ReferencePath).GetFiles() | Where-Object { $_.Extension -match '^\.(png|bmp|jpg|tif)$' } | Sort-Object Name)
if ($Count -gt 0) { $references = @($references | Select-Object -First $Count) }
New-DegradedImage -Path $references.FullName -Quality $Quality -Grayscale -OutputDirectory $Work -Force -WarningAction SilentlyContinue | Out-Null

$catalog = @(Get-ArtifactModel | Where-Object Shipped)
function Get-ModelsFor([int] $q) {
    if ($Model) { return @($catalog | Where-Object { $Model -contains $_.Name -and ($null -eq $_.Quality -or $_.Quality -eq $q) }) }
    @($catalog | Where-Object { $null -eq $_.Quality -or $_.Quality -eq $q })
}

# Seconds: the network's (and the projection's) time over the whole set. Under load only the share is comparable.
function New-Score([string] $set, [int] $q, [string] $modelName, [string] $variant, $scores, [double] $mpx, [double] $networkSeconds, [double] $projectionSeconds = 0) {
    $seconds = $networkSeconds + $projectionSeconds
    [pscustomobject]@{
        Set = $set; Quality = $q; Model = $modelName; Variant = $variant; Images = $scores.Count
        PSNR = ($scores | Measure-Object PSNR -Average).Average
        SSIM = ($scores | Measure-Object SSIM -Average).Average
        PSNRB = ($scores | Measure-Object PSNRB -Average).Average
        MpxPerSecond = if ($seconds -gt 0) { $mpx / $seconds } else { [double]::NaN }
        ProjectionShare = if ($networkSeconds -gt 0) { $projectionSeconds / $networkSeconds } else { 0.0 }
    }
}

$rows = [Collections.Generic.List[object]]::new()
[void][IO.Directory]::CreateDirectory($OutputDirectory)
$csv = [IO.Path]::Combine($OutputDirectory, "components-$Name.csv")
function Save-Rows {
    $rows | ForEach-Object {
        $r = $_
        [pscustomobject]@{ Set = $r.Set; Quality = $r.Quality; Model = $r.Model; Variant = $r.Variant; Images = $r.Images
            PSNR = $r.PSNR.ToString('F4', $invariant); SSIM = $r.SSIM.ToString('F5', $invariant); PSNRB = $r.PSNRB.ToString('F4', $invariant)
            MpxPerSecond = $r.MpxPerSecond.ToString('F3', $invariant); ProjectionShare = $r.ProjectionShare.ToString('F4', $invariant) }
    } | Export-Csv -LiteralPath $csv -NoTypeInformation -UseQuotes Never
}
foreach ($q in $Quality) {
    $jpegs = @([IO.DirectoryInfo]::new("$Work/q$q").GetFiles('*.jpg') | Sort-Object Name)
    $pairs = foreach ($jpeg in $jpegs) {
        $bytes = [IO.File]::ReadAllBytes($jpeg.FullName)
        $decoded = [ArtifactTools.Imaging.ImageCodec]::Decode($bytes, $jpeg.FullName)
        $reference = [ArtifactTools.Imaging.ImageCodec]::Read("$Work/ref/$($jpeg.BaseName).png")
        [pscustomobject]@{
            Name = $jpeg.Name
            Y = $decoded.Channels[0]
            Reference = [ArtifactTools.Imaging.ColorConversion]::Luma($reference)
            Constraint = [ArtifactTools.Restoration.QuantizationConstraint]::FromJpeg($bytes)
        }
    }
    $mpx = ($pairs | ForEach-Object { $_.Y.Width * $_.Y.Height } | Measure-Object -Sum).Sum / 1e6
    $jpegScores = @($pairs | ForEach-Object { [ArtifactTools.Metrics.ImageMetrics]::Measure($_.Reference, $_.Y) })
    $rows.Add((New-Score $Name $q 'JPEG' 'decoded' $jpegScores $mpx 0))

    foreach ($info in Get-ModelsFor $q) {
        $loaded = [ArtifactTools.Models.ModelFile]::Load($info.Path, [TorchSharp.torch]::CPU)
        $restorer = [ArtifactTools.Restoration.Restorer]::new($loaded, $true)
        try {
            $settings = [ordered]@{ 'network' = $false }
            if ($Ensemble) { $settings['ensemble'] = $true }
            foreach ($setting in $settings.Keys) {
                $options = [ArtifactTools.Restoration.RestoreOptions]@{ Ensemble = $settings[$setting] }
                [void]$restorer.RestoreLuma($pairs[0].Y, $options) # warm-up: receptive field, oneDNN kernels
                $plain = [Collections.Generic.List[object]]::new(); $projected = [Collections.Generic.List[object]]::new()
                $networkClock = [Diagnostics.Stopwatch]::new(); $projectionClock = [Diagnostics.Stopwatch]::new()
                $blocks = 0; $changed = 0; $untrusted = 0
                foreach ($pair in $pairs) {
                    $networkClock.Start(); $restored = $restorer.RestoreLuma($pair.Y, $options); $networkClock.Stop()
                    $plain.Add([ArtifactTools.Metrics.ImageMetrics]::Measure($pair.Reference, $restored.Quantized()))
                    $projectionClock.Start(); $result = $pair.Constraint.Project($pair.Y, $restored); $projectionClock.Stop()
                    $blocks += $result.Blocks; $changed += $result.BlocksChanged; $untrusted += $result.BlocksUntrusted
                    $projected.Add([ArtifactTools.Metrics.ImageMetrics]::Measure($pair.Reference, $restored.Quantized()))
                }
                $rows.Add((New-Score $Name $q $info.Name $setting $plain $mpx $networkClock.Elapsed.TotalSeconds))
                $rows.Add((New-Score $Name $q $info.Name "$setting+projection" $projected $mpx $networkClock.Elapsed.TotalSeconds $projectionClock.Elapsed.TotalSeconds))
                Write-Host ('{0} q{1} {2,-14} {3,-9} PSNR {4:N3} -> {5:N3} dB, SSIM {6:N4} -> {7:N4}, PSNR-B {8:N3} -> {9:N3} dB (projection {10:P1} of the network time; {11} of {12} blocks changed, {13} untrusted)' -f $Name, $q, $info.Name, $setting,
                    $rows[-2].PSNR, $rows[-1].PSNR, $rows[-2].SSIM, $rows[-1].SSIM, $rows[-2].PSNRB, $rows[-1].PSNRB, $rows[-1].ProjectionShare, $changed, $blocks, $untrusted)
                Save-Rows
            }
        }
        finally { $restorer.Dispose() }
    }
}

Save-Rows
$rows | Format-Table Set, Quality, Model, Variant, Images, @{ n = 'PSNR'; e = { $_.PSNR.ToString('F3') } }, @{ n = 'SSIM'; e = { $_.SSIM.ToString('F4') } },
    @{ n = 'PSNR-B'; e = { $_.PSNRB.ToString('F3') } }, @{ n = 'Mpx/s'; e = { $_.MpxPerSecond.ToString('F2') } },
    @{ n = 'projection time'; e = { $_.ProjectionShare.ToString('P1') } } | Out-String -Width 200
"CSV: $csv"
