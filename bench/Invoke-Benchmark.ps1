<#
.SYNOPSIS
Quality and speed of every shipped model, as the papers report them: Markdown tables plus CSV.

.DESCRIPTION
Quality: each clean image of -ReferencePath is degraded (JPEG q10-q40 unless -Degradation says otherwise) with
New-DegradedImage, restored by every model with Invoke-ArtifactRestore, and measured with Measure-ImageQuality on Y,
as paper 000's Table III lays it out (PSNR, SSIM, PSNR-B per quality; the degraded input and each model side by side;
"default" is the model Invoke-ArtifactRestore picks by itself).

Colour quality (with -ColorReferencePath): each clean colour image of that folder (e.g. Kodak24) is saved as a colour JPEG (4:2:0, libjpeg's
default) at each JPEG quality of -Degradation, restored with luminance only (-ColorMode Y), with the colour model's
chroma in one pass (-ChromaOrientations 1) and with the default choice (the colour model restores chroma too, averaged
over the image and its transpose), and measured on R, G, B together (Measure-ImageQuality -Channel Rgb).

Speed: each model restores gray PNGs of 512x512, 1024x1024 and 24 MP (a photo mirrored out to size): end to end
(Invoke-ArtifactRestore: decode, restore, encode), the tiled network alone (no decode or encode) and the bare network
(one forward pass on the whole image, as a PyTorch user would time it; 1 MP and below, since a whole 24 MP image
does not fit in memory untiled). Each figure is the best of -Repeat runs. Peak memory is the process's resident set
during the end-to-end run. Where Debian's python3-torch is installed, PyTorch's bare forward pass of the same
architecture runs in the same benchmark (bench/pytorch_forward.py).

.EXAMPLE
dotnet run -c Release --project src/ArtifactTools.Host -- -File bench/Invoke-Benchmark.ps1 -ReferencePath ../shared/data/Classic5
.EXAMPLE
artifacttools -File bench/Invoke-Benchmark.ps1 -ReferencePath ../shared/data/Classic5 -ColorReferencePath ../shared/data/Kodak24 -Degradation jpeg:10,jpeg:30 -SkipSpeed
.EXAMPLE
artifacttools -File bench/Invoke-Benchmark.ps1 -ReferencePath photos -Degradation jpeg:10,jp2:0.3 -Model arcnn-q10,l8-general -SkipSpeed
#>
[CmdletBinding()]
param(
    # Folder of clean images (or one image).
    [string] $ReferencePath = [IO.Path]::Combine($PSScriptRoot, '../../shared/data/Classic5'),
    # Folder of clean colour images for the colour table, e.g. ../shared/data/Kodak24 (no colour table without it).
    [string] $ColorReferencePath,
    # Degradation specs as New-DegradedImage takes them (comma-separated on a command line).
    [string[]] $Degradation = @('jpeg:10', 'jpeg:20', 'jpeg:30', 'jpeg:40'),
    # Shipped model names or model files; all shipped models when omitted.
    [string[]] $Model,
    # Image sizes for the speed table, WxH.
    [string[]] $Size = @('512x512', '1024x1024', '6000x4000'),
    # The photo the speed images are made from (first image of -ReferencePath when omitted).
    [string] $SpeedSource,
    [int] $Repeat = 3,
    [string] $OutputDirectory = [IO.Path]::Combine($PSScriptRoot, 'results'),
    [switch] $SkipQuality,
    [switch] $SkipColor,
    [switch] $SkipSpeed,
    [switch] $SkipPyTorch
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

function Split-List([string[]] $values) { @($values | ForEach-Object { $_ -split ',' } | Where-Object { $_ }) }
$Degradation = Split-List $Degradation
$Size = Split-List $Size
# The luma models (colour models restore chroma beside one; the colour table measures them).
$models = if ($Model) { Split-List $Model } else { @(Get-ArtifactModel | Where-Object { $_.Metadata.IsLuma } | ForEach-Object Name) }
$invariant = [Globalization.CultureInfo]::InvariantCulture
function Format-Number([double] $value, [string] $format) { $value.ToString($format, $invariant) }

$ReferencePath = [IO.Path]::GetFullPath($ReferencePath, $ExecutionContext.SessionState.Path.CurrentFileSystemLocation.Path)
$OutputDirectory = [IO.Path]::GetFullPath($OutputDirectory, $ExecutionContext.SessionState.Path.CurrentFileSystemLocation.Path)
$work = [IO.Path]::Combine([IO.Path]::GetTempPath(), "artifacttools-bench-" + [Guid]::NewGuid().ToString('N').Substring(0, 8))
[void][IO.Directory]::CreateDirectory($OutputDirectory)
[void][IO.Directory]::CreateDirectory($work)
$references = if ([IO.File]::Exists($ReferencePath)) { @([IO.FileInfo]::new($ReferencePath)) } else {
    @([IO.DirectoryInfo]::new($ReferencePath).GetFiles() | Where-Object { $_.Extension -match '^\.(png|bmp|tif|tiff|jpg|jpeg|webp)$' })
}
if ($references.Count -eq 0) { throw "No images in $ReferencePath." }

function Write-Table([string] $name, [string] $title, [string[]] $markdown, [object[]] $rows) {
    $md = @("# $title", '') + $markdown
    [IO.File]::WriteAllLines([IO.Path]::Combine($OutputDirectory, "$name.md"), [string[]]$md)
    $columns = @($rows[0].PSObject.Properties.Name)
    $csv = @($columns -join ',') + @($rows | ForEach-Object {
        $row = $_; ($columns | ForEach-Object { $v = $row.$_; if ($v -is [double]) { Format-Number $v 'R' } else { "$v" } }) -join ',' })
    [IO.File]::WriteAllLines([IO.Path]::Combine($OutputDirectory, "$name.csv"), [string[]]$csv)
    $md
    ''
}

function Measure-Set($files, [string] $Channel = 'Y') {
    $summary = $files | Measure-ImageQuality -Summary -Channel $Channel
    [pscustomobject]@{ PSNR = $summary.PSNR; SSIM = $summary.SSIM; PSNRB = $summary.PSNRB; Images = $summary.Count }
}

# ---------------------------------------------------------------------------------------------------------- quality
if (-not $SkipQuality) {
    $methods = @('JPEG', 'default') + $models
    $quality = [Collections.Generic.List[object]]::new()
    foreach ($spec in $Degradation) {
        $folder = [IO.Path]::Combine($work, 'q-' + ($spec -replace '[^A-Za-z0-9.-]', '_'))
        $degraded = @($references | New-DegradedImage -Degradation $spec -Grayscale -OutputDirectory $folder)
        foreach ($method in $methods) {
            $restore = @{ OutputDirectory = [IO.Path]::Combine($folder, $method) }
            if ($method -notin 'JPEG', 'default') { $restore.Model = $method }
            $files = if ($method -eq 'JPEG') { $degraded } else { $degraded | Invoke-ArtifactRestore @restore }
            $m = Measure-Set $files
            $quality.Add([pscustomobject]@{ Degradation = $spec; Method = $method; PSNR = $m.PSNR; SSIM = $m.SSIM; PSNRB = $m.PSNRB; Images = $m.Images })
        }
    }
    $header = '| Eval. metric | Degradation | ' + ($methods -join ' | ') + ' |'
    $rule = '|---|---|' + ('---:|' * $methods.Count)
    $lines = @($header, $rule)
    foreach ($metric in @(@('PSNR (dB)', 'PSNR', 'F2'), @('SSIM', 'SSIM', 'F4'), @('PSNR-B (dB)', 'PSNRB', 'F2'))) {
        foreach ($spec in $Degradation) {
            $cells = foreach ($method in $methods) {
                $row = $quality | Where-Object { $_.Degradation -eq $spec -and $_.Method -eq $method }
                Format-Number $row.($metric[1]) $metric[2]
            }
            $lines += "| $($metric[0]) | $spec | $($cells -join ' | ') |"
        }
    }
    $lines += '', ("Mean over {0} images of {1}, Y channel (MATLAB BT.601), degraded with New-DegradedImage -Grayscale." -f $references.Count, $ReferencePath)
    Write-Table 'quality' 'Restoration quality' $lines $quality.ToArray()
}

# --------------------------------------------------------------------------------------------------- colour quality
$colorReferences = @(if ($ColorReferencePath -and [IO.Directory]::Exists($ColorReferencePath)) {
    [IO.DirectoryInfo]::new($ColorReferencePath).GetFiles() | Where-Object { $_.Extension -match '^\.(png|bmp|tif|tiff)$' }
})
$jpegSpecs = @($Degradation | Where-Object { $_ -match '^jpeg:\d+$' })
if (-not $SkipQuality -and -not $SkipColor -and $colorReferences.Count -gt 0 -and $jpegSpecs.Count -gt 0) {
    $colorMethods = [ordered]@{ 'JPEG' = $null; 'luma only (-ColorMode Y)' = @{ ColorMode = 'Y' }; 'colour, one chroma pass (-ChromaOrientations 1)' = @{ ChromaOrientations = 1 }; 'default (colour)' = @{} }
    $colour = [Collections.Generic.List[object]]::new()
    $megapixels = 0.0
    foreach ($reference in $colorReferences) { $img = [ArtifactTools.Imaging.ImageCodec]::Read($reference.FullName); $megapixels += $img.Width * $img.Height / 1e6 }
    foreach ($spec in $jpegSpecs) {
        $folder = [IO.Path]::Combine($work, 'c-' + ($spec -replace '[^A-Za-z0-9.-]', '_'))
        $degraded = @($colorReferences | New-DegradedImage -Degradation $spec -OutputDirectory $folder)
        $i = 0
        foreach ($method in $colorMethods.Keys) {
            $options = $colorMethods[$method]
            $files = if ($null -eq $options) { $degraded } else {
                $clock = [Diagnostics.Stopwatch]::StartNew()
                $restored = @($degraded | Invoke-ArtifactRestore -OutputDirectory ([IO.Path]::Combine($folder, "m$i")) @options)
                $seconds = $clock.Elapsed.TotalSeconds
                $restored
            }
            $rgb = Measure-Set $files 'Rgb'
            $y = Measure-Set $files 'Y'
            $colour.Add([pscustomobject]@{
                Degradation = $spec; Method = $method; Models = if ($null -eq $options) { '' } else { [Linq.Enumerable]::Distinct([string[]]@($restored | ForEach-Object Model)) -join ' ' }
                RgbPSNR = $rgb.PSNR; RgbSSIM = $rgb.SSIM; YPSNR = $y.PSNR; Images = $rgb.Images
                MpxPerSecond = if ($null -eq $options) { $null } else { $megapixels / $seconds } })
            $i++
        }
    }
    $lines = @('| Degradation | Method | RGB PSNR (dB) | RGB SSIM | Y PSNR (dB) | gain RGB (dB) | Mpx/s end to end | models |', '|---|---|---:|---:|---:|---:|---:|---|')
    foreach ($row in $colour) {
        $jpeg = $colour | Where-Object { $_.Degradation -eq $row.Degradation -and $_.Method -eq 'JPEG' }
        $speed = if ($null -eq $row.MpxPerSecond) { '-' } else { Format-Number $row.MpxPerSecond 'F3' }
        $lines += "| $($row.Degradation) | $($row.Method) | $(Format-Number $row.RgbPSNR 'F2') | $(Format-Number $row.RgbSSIM 'F4') | $(Format-Number $row.YPSNR 'F2') | $(Format-Number ($row.RgbPSNR - $jpeg.RgbPSNR) '+0.00;-0.00') | $speed | $($row.Models) |"
    }
    $lines += '', ("Mean over {0} colour images of {1}, saved as colour JPEGs (4:2:0) by New-DegradedImage; RGB PSNR from the MSE over R, G and B together, RGB SSIM the mean of the three channels'." -f $colorReferences.Count, $ColorReferencePath)
    Write-Table 'quality-colour' 'Colour restoration quality' $lines $colour.ToArray()
}

# ------------------------------------------------------------------------------------------------------------ speed
if (-not $SkipSpeed) {
    $source = if ($SpeedSource) { $SpeedSource } else { $references[0].FullName }
    $speedIn = [IO.Path]::Combine($work, 'speed')
    $speedOut = [IO.Path]::Combine($work, 'speed-out')
    $catalog = [ArtifactTools.Models.ModelCatalog]::Default()
    $threads = [TorchSharp.torch]::get_num_threads()
    $none = [Threading.CancellationToken]::None

    # Shipped models record their architecture as a spec; show and match it by the network's name where it has one.
    $networkNames = @{}
    foreach ($network in [ArtifactTools.Networks.NetworkRegistry]::Known) { if (-not $networkNames.ContainsKey($network.Spec)) { $networkNames[$network.Spec] = $network.Name } }
    function Get-NetworkName([string] $architecture) { if ($networkNames.ContainsKey($architecture)) { $networkNames[$architecture] } else { $architecture } }

    $pytorch = @{}
    $python = '/usr/bin/python3'
    if (-not $SkipPyTorch -and [IO.File]::Exists($python)) {
        & $python -c 'import torch' 2>$null
        if ($LASTEXITCODE -eq 0) {
            $architectures = @{ ARCNN = 'arcnn'; FastARCNN = 'fast-arcnn'; L8 = 'l8' }
            $wanted = @([Linq.Enumerable]::Distinct([string[]]@($models | ForEach-Object { $catalog.Find($_) } | Where-Object { $_ } | ForEach-Object { $architectures[(Get-NetworkName $_.Architecture)] } | Where-Object { $_ })))
            foreach ($s in $Size) {
                $w, $h = $s -split 'x' | ForEach-Object { [int]$_ }
                if ($w * $h -gt 1100000 -or $wanted.Count -eq 0) { continue }
                $lines = & $python ([IO.Path]::Combine($PSScriptRoot, 'pytorch_forward.py')) --networks ($wanted -join ',') --size $s --threads $threads --repeats $Repeat
                foreach ($line in $lines) { $f = $line -split ','; $pytorch["$($f[0])|$s"] = [double]::Parse($f[5], $invariant); $pytorch['version'] = $f[6] }
            }
            $pytorch['map'] = $architectures
        }
    }

    # Models of one architecture run the same computation: each architecture is timed once, with its first model.
    $byArchitecture = [ordered]@{}
    foreach ($name in $models) {
        $info = $catalog.Find($name)
        if (-not $info) { $PSCmdlet.WriteWarning("No shipped model '$name'; skipped in the speed table."); continue }
        if ($byArchitecture.Contains($info.Architecture)) { $byArchitecture[$info.Architecture] += $name } else { $byArchitecture[$info.Architecture] = @($name) }
    }

    $speed = [Collections.Generic.List[object]]::new()
    foreach ($s in $Size) {
        $w, $h = $s -split 'x' | ForEach-Object { [int]$_ }
        $image = [ArtifactTools.Benchmarks.BenchmarkImages]::Write($source, $w, $h, [IO.Path]::Combine($speedIn, "gray-$s.png"), $false)
        $megapixels = $w * $h / 1e6
        $runs = if ($megapixels -gt 4) { 1 } else { $Repeat }
        foreach ($sameNetwork in $byArchitecture.Values) {
            $name = $sameNetwork[0]
            $info = $catalog.Find($name)
            [void][ArtifactTools.Benchmarks.InferenceBenchmark]::ResetPeakResident()
            $endToEnd = [double]::MaxValue
            foreach ($i in 1..$runs) {
                $result = Invoke-ArtifactRestore -LiteralPath $image.FullName -Model $name -OutputDirectory $speedOut -Force
                $endToEnd = [Math]::Min($endToEnd, $result.Duration.TotalSeconds)
            }
            $peak = [ArtifactTools.Benchmarks.InferenceBenchmark]::PeakResidentBytes()

            $loaded = [ArtifactTools.Models.ModelFile]::Load($info.Path, $null, $null)
            $restorer = [ArtifactTools.Restoration.Restorer]::new($loaded, $true)
            try {
                $plane = [ArtifactTools.Imaging.ColorConversion]::Luma([ArtifactTools.Imaging.ImageCodec]::Read($image.FullName), $true)
                $options = [ArtifactTools.Restoration.RestoreOptions]::new()
                $tiled = [double]::MaxValue
                foreach ($i in 1..$runs) {
                    $clock = [Diagnostics.Stopwatch]::StartNew()
                    [void]$restorer.RestoreLuma($plane, $options, $none)
                    $tiled = [Math]::Min($tiled, $clock.Elapsed.TotalSeconds)
                }
                $bare = if ($megapixels -le 1.1) { [ArtifactTools.Benchmarks.InferenceBenchmark]::TimeForward($loaded.Network, $w, $h, $runs, $null).MegapixelsPerSecond } else { $null }
                $tile = $restorer.DefaultTileSize($null)
                $precision = $restorer.PrecisionFor([ArtifactTools.Restoration.InferencePrecision]::Auto)
            } finally { $restorer.Dispose() }
            $plane = $null
            $network = Get-NetworkName $info.Architecture
            $key = if ($pytorch['map']) { "$($pytorch['map'][$network])|$s" }
            $speed.Add([pscustomobject]@{
                Model = $name; SameNetwork = (@($sameNetwork | Where-Object { $_ -ne $name }) -join ' '); Architecture = $network; Image = $s; Megapixels = $megapixels
                EndToEndMpxPerSecond = $megapixels / $endToEnd; TiledNetworkMpxPerSecond = $megapixels / $tiled
                BareNetworkMpxPerSecond = $bare; PyTorchBareMpxPerSecond = if ($key -and $pytorch.ContainsKey($key)) { $pytorch[$key] } else { $null }
                PeakResidentMB = if ($peak) { [Math]::Round($peak / 1MB) } else { $null }; Threads = $threads; TileSize = $tile; Precision = $precision
            })
        }
    }
    $cell = { param($v, $f) if ($null -eq $v) { '-' } else { Format-Number $v $f } }
    $lines = @('| Model (same network) | Architecture | Image | End to end (Mpx/s) | Tiled network | Bare network | PyTorch bare | Peak RSS (MB) | Tile | Precision | Threads |',
               '|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|')
    foreach ($r in $speed) {
        $also = if ($r.SameNetwork) { " ($($r.SameNetwork -replace ' ', ', '))" } else { '' }
        $lines += "| $($r.Model)$also | $($r.Architecture) | $($r.Image) | $(& $cell $r.EndToEndMpxPerSecond 'F3') | $(& $cell $r.TiledNetworkMpxPerSecond 'F3') | $(& $cell $r.BareNetworkMpxPerSecond 'F3') | $(& $cell $r.PyTorchBareMpxPerSecond 'F3') | $($r.PeakResidentMB) | $($r.TileSize) | $($r.Precision) | $($r.Threads) |"
    }
    $cpu = [ArtifactTools.Runtime.CpuIdentity]::Current
    $lines += '', ("{0} logical CPUs ({1}; {2}), {6} load average at the end {7}, {3} torch threads; tiles and precision as measured on this machine (InferenceCalibration); best of {4} runs ({5} above 4 MP). PyTorch: {8}. Gray 8-bit PNG in and out." -f
        [Environment]::ProcessorCount, $cpu.ModelName, $cpu.Isa, $threads, $Repeat, 1, '1-min',
        $(if ([IO.File]::Exists('/proc/loadavg')) { ([IO.File]::ReadAllText('/proc/loadavg') -split ' ')[0] } else { '?' }), $(if ($pytorch['version']) { "python3-torch $($pytorch['version'])" } else { 'not installed' }))
    Write-Table 'speed' 'Restoration speed' $lines $speed.ToArray()
}

[IO.Directory]::Delete($work, $true)
"Tables written to $OutputDirectory (quality.md/.csv, speed.md/.csv)."
