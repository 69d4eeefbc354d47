<#
.SYNOPSIS
    A scheduled-task job: restores the new JPEGs of a folder tree into a mirrored output tree, logs every file, and
    exits 1 when any file failed.
.DESCRIPTION
    Run it as the task's action:
        pwsh -NoProfile -NonInteractive -File Restore-Folder.ps1 -Source D:\Scans -Destination D:\Restored
    Re-runs only restore new files (outputs carry a stamp; finished inputs come back Skipped). With -File, pwsh exits 0
    after non-terminating errors, so the job collects them with -ErrorVariable and sets the exit code itself: the task
    scheduler (or cron's mail, or systemd's status) then shows the failure.
.OUTPUTS
    A CSV log line per file (time, status, source, output, model, reason or error) appended to -LogPath.
#>
param(
    [Parameter(Mandatory)][string] $Source,
    [Parameter(Mandatory)][string] $Destination,
    [string] $LogPath = (Join-Path $Destination 'restore-log.csv'),
    [string[]] $Include = @('*.jpg', '*.jpeg')
)
$ErrorActionPreference = 'Stop' # a broken job (module missing, destination unwritable) stops with exit code 1
Import-Module (Join-Path $PSScriptRoot '../../ArtifactTools.psd1') -ErrorAction SilentlyContinue
if (-not (Get-Module ArtifactTools)) { Import-Module ArtifactTools }

$failed = @()
$results = Get-ChildItem -LiteralPath $Source -Recurse -File -Include $Include |
    Invoke-ArtifactRestore -OutputDirectory $Destination -SourceRoot $Source -ErrorAction Continue -ErrorVariable +failed

$now = Get-Date -Format o
$log = @(
    $results | ForEach-Object { [pscustomobject]@{ Time = $now; Status = $_.Status; Source = $_.SourcePath; Output = $_.Path; Model = $_.Model; Detail = $_.Reason } }
    $failed | ForEach-Object { [pscustomobject]@{ Time = $now; Status = 'Failed'; Source = "$($_.TargetObject)"; Output = ''; Model = ''; Detail = "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" } }
)
if ($log) { $log | Export-Csv -LiteralPath $LogPath -Append -NoTypeInformation }

$restored = @($results | Where-Object Status -eq Restored).Count
Write-Output "Restored $restored, skipped $(@($results).Count - $restored), failed $($failed.Count); log: $LogPath"
exit ([int]($failed.Count -gt 0))
