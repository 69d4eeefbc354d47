@{
    RootModule           = 'module/bin/ArtifactTools.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5f8c6d2e-3b7a-4c1e-9a0d-7e2b4f6a8c31'
    Author               = 'ArtifactTools contributors'
    CompanyName          = 'ArtifactTools'
    Copyright            = '(c) ArtifactTools contributors. MIT licence.'
    Description          = 'Removes JPEG and JPEG 2000 compression artifacts (blocking, ringing, blur) with convolutional networks (AR-CNN, Fast AR-CNN, L4/L8, CAS-CNN), trains them, and measures image quality (PSNR, SSIM, PSNR-B).'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    TypesToProcess       = @(
        'module/Formats/Quality.Types.ps1xml'
        'module/Formats/Networks.Types.ps1xml'
        'module/Formats/Models.Types.ps1xml'
        'module/Formats/Restore.Types.ps1xml'
        'module/Formats/Training.Types.ps1xml'
    )
    FormatsToProcess     = @(
        'module/Formats/Quality.Format.ps1xml'
        'module/Formats/Networks.Format.ps1xml'
        'module/Formats/Models.Format.ps1xml'
        'module/Formats/Restore.Format.ps1xml'
        'module/Formats/Training.Format.ps1xml'
    )
    CmdletsToExport      = @(
        'Invoke-ArtifactRestore'
        'Start-ArtifactTraining'
        'Measure-ImageQuality'
        'New-DegradedImage'
        'Get-ArtifactModel'
        'Get-ArtifactNetwork'
        'Get-JpegQuality'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('image', 'jpeg', 'artifacts', 'deblocking', 'restoration', 'cnn', 'torchsharp')
            ProjectUri = 'https://github.com/artifacttools/artifacttools'
        }
    }
}
