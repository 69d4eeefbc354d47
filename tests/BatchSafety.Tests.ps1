# Invoke-ArtifactRestore as sysadmins run it, in real pwsh: no input ever overwritten, no file silently skipped,
# idempotent re-runs, one error per bad file, folder trees mirrored.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../ArtifactTools.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'pwsh/TestImages.psm1') -Force
    $Model = 'fastarcnn-q10' # the fastest shipped model: the rules under test do not depend on the network
}

Describe 'Inputs are never overwritten' {
    BeforeEach {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive ([guid]::NewGuid()))
        Push-Location $dir
    }
    AfterEach { Pop-Location }

    It 'restores photo.jpg beside its lossless original photo.png without touching either, run after run, even with -Force' {
        New-TestImage -Path photo.png -Quality 100 | Out-Null
        New-DegradedImage -LiteralPath photo.png -Quality 20 -OutputDirectory . | Out-Null
        $before = Get-TreeFingerprint .

        foreach ($run in 1..3) {
            $results = Get-ChildItem photo.* | Invoke-ArtifactRestore -Model $Model -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'OutputIsInput,*'
            $failures[0].TargetObject | Should -BeLike '*photo.jpg'
            ($results | Where-Object Status -eq Restored).Path | Should -BeLike '*photo.restored.png'
        }
        Get-TreeFingerprint . | Where-Object { $_ -notlike 'photo.restored.png *' } | Should -Be $before
        (Get-ChildItem -Name | Sort-Object) | Should -Be @('photo.jpg', 'photo.png', 'photo.restored.png')
    }

    It 'catches an output folder that is a symbolic link to the input folder' {
        New-TestImage -Path in/a.jpg | Out-Null
        New-Item -ItemType SymbolicLink -Path link -Target (Resolve-Path in).Path | Out-Null
        $before = Get-TreeFingerprint in

        $result = Invoke-ArtifactRestore -LiteralPath in/a.jpg -Model $Model -OutputDirectory link -Format SameAsInput -Force

        $result.Path | Should -BeLike '*a.restored.jpg'
        Get-TreeFingerprint in | Where-Object { $_ -notlike 'a.restored.jpg *' } | Should -Be $before
    }

    It 'never overwrites a file of the user''s at the output place, not even with -Force' {
        New-TestImage -Path a.jpg | Out-Null
        New-Item -ItemType Directory out | Out-Null
        Set-Content out/a.png 'my own file'

        $result = Invoke-ArtifactRestore a.jpg -Model $Model -OutputDirectory out -Force -ErrorVariable failures -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OutputExists,*'
        Get-Content out/a.png | Should -Be 'my own file'
    }
}

Describe 'No file is silently skipped' {
    BeforeEach {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive ([guid]::NewGuid()))
        Push-Location $dir
    }
    AfterEach { Pop-Location }

    It 'mirrors a recursive file set under -OutputDirectory' {
        New-TestImage -Path tree/2023/a.jpg -Offset 0 | Out-Null
        New-TestImage -Path tree/2024/a.jpg -Offset 100 | Out-Null

        $results = Get-ChildItem tree -Recurse -Filter *.jpg | Invoke-ArtifactRestore -Model $Model -OutputDirectory out -WarningVariable warnings

        $results.Status | Should -Be @('Restored', 'Restored')
        Test-Path out/2023/a.png | Should -BeTrue
        Test-Path out/2024/a.png | Should -BeTrue
        $warnings | Should -Match 'SourceRoot'

        # A later run that only sees one folder keeps the layout when given -SourceRoot.
        New-TestImage -Path tree/2025/b.jpg | Out-Null
        $later = Get-ChildItem tree/2025 -Recurse -Filter *.jpg | Invoke-ArtifactRestore -Model $Model -OutputDirectory out -SourceRoot tree
        $later.Path | Should -Be (Join-Path $dir out/2025/b.png)
    }

    It 'reports photo.jpg and photo.jpeg sharing an output as an error on every run' {
        New-TestImage -Path photo.jpg -Offset 0 | Out-Null
        New-TestImage -Path photo.jpeg -Offset 50 | Out-Null
        foreach ($run in 1..2) {
            $results = Get-ChildItem photo.jp* | Invoke-ArtifactRestore -Model $Model -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'OutputCollision,*'
            @($results).Count | Should -Be 1
        }
    }

    It 'makes re-runs idempotent: each file restored once, its own outputs never restored again' {
        New-TestImage -Path a.jpg | Out-Null
        New-TestImage -Path sub/b.jpg -Offset 40 | Out-Null
        $first = Get-ChildItem -Recurse -File | Invoke-ArtifactRestore -Model $Model
        $first.Status | Should -Be @('Restored', 'Restored')
        $after = Get-TreeFingerprint .

        foreach ($run in 2..3) {
            $again = Get-ChildItem -Recurse -File | Invoke-ArtifactRestore -Model $Model
            $again.Status | Sort-Object -Unique | Should -Be 'Skipped'
            $again.Reason | Should -Not -Contain $null
            Get-TreeFingerprint . | Should -Be $after
        }
        (Get-ChildItem -Recurse -File -Name | Sort-Object) | Should -Be (@('a.jpg', 'a.png', 'sub/b.jpg', 'sub/b.png') | ForEach-Object { $_ -replace '/', [IO.Path]::DirectorySeparatorChar } | Sort-Object)
    }
}

Describe 'A batch with bad files' {
    It 'gives one error per bad file, restores every good one, and changes no input' {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive batch)
        Push-Location $dir
        try {
            New-TestImage -Path good.jpg | Out-Null
            New-TestImage -Path gray.jpg -Gray | Out-Null
            New-TestImage -Path cmyk.jpg -Cmyk | Out-Null
            New-TestImage -Path alpha.png -Alpha | Out-Null
            New-TestImage -Path deep.png -Depth16 | Out-Null
            New-TestImage -Path deep16.tif -Depth16 | Out-Null
            $bytes = [IO.File]::ReadAllBytes((Join-Path $dir good.jpg))
            [IO.File]::WriteAllBytes((Join-Path $dir truncated.jpg), $bytes[0..($bytes.Length / 2)])
            [IO.File]::WriteAllBytes((Join-Path $dir corrupt.jpg), [byte[]]($bytes[0..20] + (1..2000 | ForEach-Object { 7 })))
            New-Item empty.jpg | Out-Null
            Set-Content text.jpg 'this is not an image'
            $before = Get-TreeFingerprint .

            $results = Get-ChildItem | Invoke-ArtifactRestore -Model $Model -OutputDirectory out -ErrorVariable failures -ErrorAction SilentlyContinue

            ($results.SourcePath | Split-Path -Leaf | Sort-Object) | Should -Be @('alpha.png', 'cmyk.jpg', 'deep.png', 'deep16.tif', 'good.jpg', 'gray.jpg')
            $results.Status | Sort-Object -Unique | Should -Be 'Restored'
            ($failures.TargetObject | Split-Path -Leaf | Sort-Object) | Should -Be @('corrupt.jpg', 'empty.jpg', 'text.jpg', 'truncated.jpg')
            $failures.FullyQualifiedErrorId | ForEach-Object { $_ -replace ',.*' } | Sort-Object -Unique | Should -Be 'InvalidImage'
            Get-TreeFingerprint . | Where-Object { $_ -notlike "out$([IO.Path]::DirectorySeparatorChar)*" } | Should -Be $before
            Get-ChildItem out -Force | Where-Object Name -like '*.tmp' | Should -BeNullOrEmpty
        }
        finally { Pop-Location }
    }

    It 'reports an output folder that cannot be written before restoring anything' {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive readonly)
        New-TestImage -Path (Join-Path $dir a.jpg) | Out-Null
        $locked = New-Item -ItemType Directory -Path (Join-Path $dir locked)
        if ((id -u) -eq '0') {
            # root ignores permission bits; an immutable folder is read-only even for root, where the file system allows it
            chattr +i $locked 2>$null
            if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because 'running as root where chattr +i is not allowed: no folder is read-only for root' ; return }
        }
        else { chmod 555 $locked }
        try {
            { Invoke-ArtifactRestore (Join-Path $dir a.jpg) -Model $Model -OutputDirectory $locked -ErrorAction Stop } |
                Should -Throw -ErrorId 'OutputNotWritable,*'
            Get-ChildItem $locked | Should -BeNullOrEmpty
        }
        finally { if ((id -u) -eq '0') { chattr -i $locked } else { chmod 755 $locked } }
    }
}

Describe 'Interrupted runs' {
    It 'leaves no partial file when killed at a random moment, and a re-run finishes every file exactly once' {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive killed)
        0..7 | ForEach-Object { New-TestImage -Path (Join-Path $dir "in/$_.jpg") -Size 320 -Offset (12 * $_) } | Out-Null
        $before = Get-TreeFingerprint (Join-Path $dir in)
        $manifest = (Resolve-Path (Join-Path $PSScriptRoot '../ArtifactTools.psd1')).Path
        $script = "Import-Module '$manifest'; Get-ChildItem '$dir/in' | Invoke-ArtifactRestore -Model arcnn-q10 -OutputDirectory '$dir/out'"
        $pwsh = Get-PwshCommand

        $child = Start-Process -FilePath $pwsh[0] -ArgumentList (@($pwsh | Select-Object -Skip 1) + '-NoProfile', '-NonInteractive', '-Command', $script) -PassThru
        # Kill somewhere inside the batch: after the first output, at a random moment of the files that follow.
        $deadline = (Get-Date).AddSeconds(120)
        while (-not $child.HasExited -and -not (Test-Path "$dir/out/*.png") -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 50 }
        Start-Sleep -Milliseconds (Get-Random -Minimum 0 -Maximum 1000)
        $child.HasExited | Should -BeFalse -Because 'the batch must still be running when it is killed'
        $child.Kill()
        $child.WaitForExit()
        $done = @(Get-ChildItem "$dir/out" -Filter *.png).Count
        $done | Should -BeLessThan 8

        Get-TreeFingerprint (Join-Path $dir in) | Should -Be $before
        Get-ChildItem "$dir/out" -Force -Filter *.png | ForEach-Object {
            { [ImageMagick.MagickImage]::new($_.FullName).Dispose() } | Should -Not -Throw -Because "$($_.Name) must be a whole image"
        }

        $rerun = Get-ChildItem "$dir/in" | Invoke-ArtifactRestore -Model arcnn-q10 -OutputDirectory "$dir/out"
        @($rerun | Where-Object Status -eq Restored).Count | Should -Be (8 - $done)
        @($rerun | Where-Object Status -eq Skipped).Count | Should -Be $done
        (Get-ChildItem "$dir/out" -Force -Name | Sort-Object) | Should -Be (0..7 | ForEach-Object { "$_.png" })
        Get-TreeFingerprint (Join-Path $dir in) | Should -Be $before
    }
}

Describe 'Concurrency' {
    BeforeAll {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive parallel)
        0..3 | ForEach-Object { New-TestImage -Path (Join-Path $dir "$_.jpg") -Offset (30 * $_) } | Out-Null
        $manifest = (Resolve-Path (Join-Path $PSScriptRoot '../ArtifactTools.psd1')).Path
    }

    It 'restores with ForEach-Object -Parallel' {
        $results = Get-ChildItem $dir -Filter *.jpg | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:manifest
            Invoke-ArtifactRestore -LiteralPath $_.FullName -Model fastarcnn-q10 -OutputDirectory (Join-Path $using:dir parallel)
        }
        $results.Status | Should -Be @('Restored', 'Restored', 'Restored', 'Restored')
    }

    It 'restores in Start-ThreadJob' {
        $job = Start-ThreadJob {
            Import-Module $using:manifest
            Get-ChildItem $using:dir -Filter *.jpg | Invoke-ArtifactRestore -Model fastarcnn-q10 -OutputDirectory (Join-Path $using:dir threadjob)
        }
        $results = $job | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        $results.Status | Should -Be @('Restored', 'Restored', 'Restored', 'Restored')
    }
}
