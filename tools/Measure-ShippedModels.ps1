<#
.SYNOPSIS
Measures every shipped model and records the scores in each model file's metadata. Luma models: Classic5 and BSDS500
val (Y channel, grayscale JPEG at the model's quality; q10-q40 for the general model). Colour models (with -Kodak24):
Kodak24 as colour 4:2:0 JPEGs at the model's quality, restored with the model beside the default luma model, scored on
R, G and B together ("kodak24-rgb-qN"; jpeg_* is the JPEG, luma_* the luma-only restore it improves on).
.EXAMPLE
artifacttools -File tools/Measure-ShippedModels.ps1 -Classic5 ../shared/data/Classic5 -BsdsVal ../shared/data/BSDS500/val -Kodak24 ../shared/data/Kodak24
#>
param(
    # Clean gray test sets for the luma models' scores (each skipped without it).
    [string] $Classic5,
    [string] $BsdsVal,
    [string] $ModelDirectory = [IO.Path]::Combine($PSScriptRoot, '..', 'module', 'models'),
    [string] $Work = [IO.Path]::Combine([IO.Path]::GetTempPath(), 'artifacttools-scores'),
    [string] $Device = 'auto',
    # Clean colour images for the colour models' scores (skipped without it).
    [string] $Kodak24
)
$ErrorActionPreference = 'Stop'
$sets = [ordered]@{}
if ($Classic5) { $sets['classic5'] = "$Classic5/*.bmp" }
if ($BsdsVal) { $sets['bsds500-val'] = "$BsdsVal/*.jpg" }
$qualities = 10, 20, 30, 40
foreach ($set in $sets.Keys) {
    New-DegradedImage -Path $sets[$set] -Quality $qualities -Grayscale -OutputDirectory "$Work/$set" -WarningAction SilentlyContinue | Out-Null
}

function Measure-ColorModel([string] $modelFile, $metadata) {
    $q = $metadata.JpegQuality
    $degraded = "$Work/kodak24/q$q"
    if (-not [IO.Directory]::Exists($degraded)) { New-DegradedImage -Path "$Kodak24/*.png" -Quality $q -OutputDirectory $degraded | Out-Null }
    $files = [IO.DirectoryInfo]::new($degraded).GetFiles('*.jpg')
    $jpeg = $files | Measure-ImageQuality -ReferencePath $Kodak24 -Channel Rgb -Summary
    $luma = $files | Invoke-ArtifactRestore -ColorMode Y -OutputDirectory "$Work/out/luma/kodak24-q$q" -Device $Device -Force |
        Measure-ImageQuality -ReferencePath $Kodak24 -Channel Rgb -Summary
    $restored = $files | Invoke-ArtifactRestore -Model $modelFile -OutputDirectory "$Work/out/$($metadata.Name)/kodak24-q$q" -Device $Device -Force |
        Measure-ImageQuality -ReferencePath $Kodak24 -Channel Rgb -Summary
    $scores = [Collections.Generic.Dictionary[string, double]]::new()
    $scores['psnr'] = $restored.PSNR; $scores['ssim'] = $restored.SSIM
    $scores['jpeg_psnr'] = $jpeg.PSNR; $scores['jpeg_ssim'] = $jpeg.SSIM
    $scores['luma_psnr'] = $luma.PSNR; $scores['luma_ssim'] = $luma.SSIM
    $scores['images'] = $restored.Count
    [ArtifactTools.Models.ModelFile]::RecordScores($modelFile, "kodak24-rgb-q$q", $scores)
    '{0,-12} kodak24 RGB q{1}  JPEG {2:N2} dB / {3:N4}  ->  luma only {4:N2} dB  ->  {5:N2} dB / {6:N4}' -f $metadata.Name, $q, $jpeg.PSNR, $jpeg.SSIM, $luma.PSNR, $restored.PSNR, $restored.SSIM
}

foreach ($modelFile in [IO.Directory]::GetFiles($ModelDirectory, '*.safetensors')) {
    $metadata = [ArtifactTools.Models.ModelFile]::ReadMetadata($modelFile)
    if ([ArtifactTools.Restoration.ColorRestorer]::IsColorModel($metadata)) {
        if ($Kodak24) { Measure-ColorModel $modelFile $metadata }
        continue
    }
    $targets = if ($null -ne $metadata.JpegQuality) { @($metadata.JpegQuality) } else { $qualities }
    foreach ($set in $sets.Keys) {
        foreach ($q in $targets) {
            $degraded = "$Work/$set/q$q"
            $jpeg = [IO.DirectoryInfo]::new($degraded).GetFiles('*.jpg') | Measure-ImageQuality -ReferencePath "$Work/$set/ref" -Summary
            # The network's own scores: without the quantization-constraint projection (tools/Measure-QualityComponents.ps1 adds it).
            $restored = Invoke-ArtifactRestore -Path "$degraded/*.jpg" -Model $modelFile -OutputDirectory "$Work/out/$($metadata.Name)/$set-q$q" -Device $Device -Force -NoProjection |
                Measure-ImageQuality -ReferencePath "$Work/$set/ref" -Summary
            $scores = [Collections.Generic.Dictionary[string, double]]::new()
            $scores['psnr'] = $restored.PSNR; $scores['ssim'] = $restored.SSIM; $scores['psnrb'] = $restored.PSNRB
            $scores['jpeg_psnr'] = $jpeg.PSNR; $scores['jpeg_ssim'] = $jpeg.SSIM; $scores['jpeg_psnrb'] = $jpeg.PSNRB
            $scores['images'] = $restored.Count
            [ArtifactTools.Models.ModelFile]::RecordScores($modelFile, "$set-q$q", $scores)
            '{0,-12} {1,-12} q{2}  JPEG {3:N2} dB / {4:N4}  ->  {5:N2} dB / {6:N4} / PSNR-B {7:N2}' -f $metadata.Name, $set, $q, $jpeg.PSNR, $jpeg.SSIM, $restored.PSNR, $restored.SSIM, $restored.PSNRB
        }
    }
}
