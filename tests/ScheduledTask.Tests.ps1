# The scheduled-task pattern (module/Examples/Restore-Folder.ps1) run as a task scheduler runs it:
# pwsh -NonInteractive -File, exit code 1 when any file failed, a log line per file, re-runs only do new files.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'pwsh/TestImages.psm1') -Force
    $job = (Resolve-Path (Join-Path $PSScriptRoot '../module/Examples/Restore-Folder.ps1')).Path
    $pwsh = Get-PwshCommand
    function Invoke-Job([string] $Source, [string] $Destination) {
        $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $job -Source $Source -Destination $Destination 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output -join "`n") }
    }
}

Describe 'Restore-Folder.ps1 as a scheduled task' {
    It 'exits 0 when every file is restored, then 0 with nothing to do, then 1 once a bad file arrives' {
        $source = Join-Path $TestDrive scans
        $destination = Join-Path $TestDrive restored
        New-TestImage -Path (Join-Path $source 2023/a.jpg) | Out-Null
        New-TestImage -Path (Join-Path $source 2024/b.jpg) -Offset 60 | Out-Null

        $first = Invoke-Job $source $destination
        $first.ExitCode | Should -Be 0 -Because $first.Output
        $first.Output | Should -Match 'Restored 2, skipped 0, failed 0'
        Test-Path (Join-Path $destination 2023/a.png) | Should -BeTrue

        $second = Invoke-Job $source $destination
        $second.ExitCode | Should -Be 0 -Because $second.Output
        $second.Output | Should -Match 'Restored 0, skipped 2, failed 0'

        Set-Content (Join-Path $source 2024/broken.jpg) 'not a jpeg'
        New-TestImage -Path (Join-Path $source 2024/c.jpg) -Offset 120 | Out-Null
        $third = Invoke-Job $source $destination
        $third.ExitCode | Should -Be 1 -Because $third.Output
        $third.Output | Should -Match 'Restored 1, skipped 2, failed 1'

        $log = Import-Csv (Join-Path $destination restore-log.csv)
        ($log | Where-Object Status -eq Failed).Detail | Should -Match '^InvalidImage'
        @($log | Where-Object Status -eq Restored).Count | Should -Be 3
    }
}
