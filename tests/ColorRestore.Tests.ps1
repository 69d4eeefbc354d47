# Colour JPEGs restored as a photo archivist runs it, in real pwsh with the shipped models: chroma restored by default,
# -ChromaOrientations reaches it, -ColorMode Y keeps the decoded chroma, bad counts refused up front.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../ArtifactTools.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'pwsh/TestImages.psm1') -Force
    Add-Type -Path (Join-Path $PSScriptRoot '../module/bin/ArtifactTools.Core.dll')

    # Mean absolute difference of two images' planes: Y (luma) or Cb+Cr (chroma), MATLAB YCbCr.
    function Get-PlaneDifference([string] $a, [string] $b, [ValidateSet('Luma', 'Chroma')] [string] $planes) {
        $x = [ArtifactTools.Imaging.ColorConversion]::ToYCbCr([ArtifactTools.Imaging.ImageCodec]::Read($a))
        $y = [ArtifactTools.Imaging.ColorConversion]::ToYCbCr([ArtifactTools.Imaging.ImageCodec]::Read($b))
        $names = if ($planes -eq 'Luma') { @('Item1') } else { @('Item2', 'Item3') }
        $sum = 0.0; $count = 0
        foreach ($name in $names) {
            $p = $x.$name.Data; $q = $y.$name.Data
            for ($i = 0; $i -lt $p.Length; $i++) { $sum += [Math]::Abs($p[$i] - $q[$i]) }
            $count += $p.Length
        }
        $sum / $count
    }
}

Describe 'Colour JPEGs' {
    BeforeAll {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'colour')
        Push-Location $dir
        New-TestImage -Path clean.png -Size 64 -Offset 40 -Quality 100 | Out-Null
        New-DegradedImage -LiteralPath clean.png -Quality 30 -OutputDirectory . | Out-Null
    }
    AfterAll { Pop-Location }

    It 'restores chroma by default; -ChromaOrientations 1 gives other chroma, -ColorMode Y the decoded one' {
        $one = Invoke-ArtifactRestore -LiteralPath clean.jpg -OutputDirectory one -ChromaOrientations 1
        $two = Invoke-ArtifactRestore -LiteralPath clean.jpg -OutputDirectory two
        $luma = Invoke-ArtifactRestore -LiteralPath clean.jpg -OutputDirectory luma -ColorMode Y
        $one.Model | Should -Be 'l8-q30+chroma-q30'
        $two.Model | Should -Be 'l8-q30+chroma-q30'
        $luma.Model | Should -Be 'l8-q30'

        # Mean absolute Cb/Cr differences, in levels: one pass against the pair 0.29, the default against the JPEG 0.75,
        # luminance-only against the JPEG 0 (measured on this crop).
        $jpeg = (Resolve-Path clean.jpg).ProviderPath
        Get-PlaneDifference $one.Path $two.Path Chroma | Should -BeGreaterThan 0.1
        Get-PlaneDifference $luma.Path $jpeg Chroma | Should -BeLessThan 0.05
        Get-PlaneDifference $two.Path $jpeg Chroma | Should -BeGreaterThan 0.5
        $jpegQuality = Measure-ImageQuality -Path clean.jpg -ReferencePath clean.png -Channel Rgb
        (Measure-ImageQuality -Path $two.Path -ReferencePath clean.png -Channel Rgb).PSNR | Should -BeGreaterThan ($jpegQuality.PSNR + 0.3)
    }

    It 'refuses -ChromaOrientations <Count> before writing anything' -TestCases @(@{ Count = 0 }, @{ Count = 9 }) {
        { Invoke-ArtifactRestore -LiteralPath clean.jpg -OutputDirectory bad -ChromaOrientations $Count } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,ArtifactTools.PowerShell.Cmdlets.InvokeArtifactRestoreCommand'
        Test-Path bad | Should -BeFalse
    }
}
