<#
.SYNOPSIS
Measures every shipped model on Classic5 and BSDS500 val (Y channel, grayscale JPEG at the model's quality; q10-q40
for the general model) and records the scores in each model file's metadata.
.EXAMPLE
artifacttools -File tools/Measure-ShippedModels.ps1 -Classic5 ../shared/data/Classic5 -BsdsVal ../shared/data/BSDS500/val
#>
param(
    [Parameter(Mandatory)] [string] $Classic5,
    [Parameter(Mandatory)] [string] $BsdsVal,
    [string] $ModelDirectory = [IO.Path]::Combine($PSScriptRoot, '..', 'module', 'models'),
    [string] $Work = [IO.Path]::Combine([IO.Path]::GetTempPath(), 'artifacttools-scores'),
    [string] $Device = 'auto'
)
$ErrorActionPreference = 'Stop'
$sets = [ordered]@{ 'classic5' = "$Classic5/*.bmp"; 'bsds500-val' = "$BsdsVal/*.jpg" }
$qualities = 10, 20, 30, 40
foreach ($set in $sets.Keys) {
    New-DegradedImage -Path $sets[$set] -Quality $qualities -Grayscale -OutputDirectory "$Work/$set" -WarningAction SilentlyContinue | Out-Null
}

foreach ($modelFile in [IO.Directory]::GetFiles($ModelDirectory, '*.safetensors')) {
    $metadata = [ArtifactTools.Models.ModelFile]::ReadMetadata($modelFile)
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
