<#
.SYNOPSIS
Training throughput (patches per second) of every network family with the default recipe (batch 16 of 48x48).
.EXAMPLE
artifacttools -File tools/Measure-TrainingThroughput.ps1 -TrainingPath ../shared/data/BSDS500/train -Iterations 30
#>
param(
    [Parameter(Mandatory)] [string] $TrainingPath,
    [int] $Iterations = 30,
    [string[]] $Architecture = @('SRCNN', 'DeeperSRCNN', 'ARCNN', 'DeeperARCNN', 'FastARCNN', 'L4', 'L8', 'CASCNN'),
    [string] $Device = 'auto',
    [string] $Work = [IO.Path]::Combine([IO.Path]::GetTempPath(), 'artifacttools-throughput')
)
$ErrorActionPreference = 'Stop'
foreach ($name in $Architecture) {
    $result = Start-ArtifactTraining -Architecture $name -TrainingPath $TrainingPath -Quality 10 -Iterations $Iterations `
        -ValidateEvery 0 -CheckpointEvery 0 -OutputPath ([IO.Path]::Combine($Work, "$name.safetensors")) -Device $Device -Force
    '{0,-12} {1,8:N1} patches/s  ({2} iterations of 16 x 48x48, {3:N1} s)' -f $name, $result.PatchesPerSecond, $result.Iterations, $result.Duration.TotalSeconds
}
