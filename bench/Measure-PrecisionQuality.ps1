<#
.SYNOPSIS
Quality cost of reduced precision: PSNR / SSIM / PSNR-B of each model's restores in Float32 and BFloat16 on a reference
set (Classic5 by default), side by side, with the difference. Writes bench/results/precision.{md,csv}.
.EXAMPLE
artifacttools -File bench/Measure-PrecisionQuality.ps1 -ReferencePath ../shared/data/Classic5
#>
param(
    [string] $ReferencePath = [IO.Path]::Combine($PSScriptRoot, '..', '..', 'shared', 'data', 'Classic5'),
    [string[]] $Degradation = @('jpeg:10', 'jpeg:40'),
    [string[]] $Model = @('arcnn-q10', 'fastarcnn-q10', 'l8-q10', 'l8-q40', 'l8-general'),
    [string] $OutputDirectory = [IO.Path]::Combine($PSScriptRoot, 'results')
)
$ErrorActionPreference = 'Stop'
$work = [IO.Path]::Combine([IO.Path]::GetTempPath(), "artifacttools-precision-$PID")
$references = @([IO.Directory]::GetFiles([IO.Path]::GetFullPath($ReferencePath)) | Where-Object { $_ -match '\.(bmp|png|tif|tiff|jpg)$' })
$rows = [Collections.Generic.List[object]]::new()
try {
    foreach ($spec in $Degradation) {
        $folder = [IO.Path]::Combine($work, ($spec -replace '[^A-Za-z0-9.-]', '_'))
        $degraded = @($references | New-DegradedImage -Degradation $spec -Grayscale -OutputDirectory $folder)
        foreach ($name in $Model) {
            $scores = @{}
            foreach ($precision in 'Float32', 'BFloat16') {
                $out = [IO.Path]::Combine($folder, "$name-$precision")
                $summary = $degraded | Invoke-ArtifactRestore -Model $name -Precision $precision -OutputDirectory $out | Measure-ImageQuality -Summary
                $scores[$precision] = $summary
            }
            $rows.Add([pscustomobject]@{
                Degradation = $spec; Model = $name
                Float32PSNR = $scores.Float32.PSNR; BFloat16PSNR = $scores.BFloat16.PSNR; DeltaPSNR = $scores.BFloat16.PSNR - $scores.Float32.PSNR
                Float32SSIM = $scores.Float32.SSIM; BFloat16SSIM = $scores.BFloat16.SSIM
                Float32PSNRB = $scores.Float32.PSNRB; BFloat16PSNRB = $scores.BFloat16.PSNRB; Images = $scores.Float32.Count
            })
        }
    }
} finally { [IO.Directory]::Delete($work, $true) }

$inv = [Globalization.CultureInfo]::InvariantCulture
$md = @('# Reduced precision: quality', '', '| Degradation | Model | PSNR float32 | PSNR bfloat16 | difference (dB) | SSIM float32 | SSIM bfloat16 | PSNR-B float32 | PSNR-B bfloat16 |', '|---|---|---:|---:|---:|---:|---:|---:|---:|')
foreach ($r in $rows) {
    $md += '| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} | {8} |' -f $r.Degradation, $r.Model, $r.Float32PSNR.ToString('F3', $inv), $r.BFloat16PSNR.ToString('F3', $inv),
        $r.DeltaPSNR.ToString('+0.0000;-0.0000', $inv), $r.Float32SSIM.ToString('F4', $inv), $r.BFloat16SSIM.ToString('F4', $inv), $r.Float32PSNRB.ToString('F3', $inv), $r.BFloat16PSNRB.ToString('F3', $inv)
}
$cpu = [ArtifactTools.Runtime.CpuIdentity]::Current
$md += '', ('Mean over {0} images of {1}, Y channel, New-DegradedImage -Grayscale; Invoke-ArtifactRestore -Precision Float32 / BFloat16 on {2} ({3}). BFloat16 runs the inner layers in bfloat16; the first and last layers and the residual sum stay float32.' -f $references.Count, $ReferencePath, $cpu.ModelName, $cpu.Isa)
[void][IO.Directory]::CreateDirectory($OutputDirectory)
[IO.File]::WriteAllLines([IO.Path]::Combine($OutputDirectory, 'precision.md'), [string[]]$md)
$columns = @($rows[0].PSObject.Properties.Name)
$csv = @($columns -join ',') + @($rows | ForEach-Object { $row = $_; ($columns | ForEach-Object { $v = $row.$_; if ($v -is [double]) { $v.ToString('R', $inv) } else { "$v" } }) -join ',' })
[IO.File]::WriteAllLines([IO.Path]::Combine($OutputDirectory, 'precision.csv'), [string[]]$csv)
$md
