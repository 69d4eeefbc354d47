# End-to-end Invoke-ArtifactRestore speed (decode, restore, encode) per shipped model at three sizes.
param([string] $Source, [string] $Work, [string] $Device = 'cuda', [string[]] $Models = @('arcnn-q10', 'l8-q10'))
$ErrorActionPreference = 'Stop'
[IO.Directory]::CreateDirectory($Work) | Out-Null
$y = [ArtifactTools.Imaging.ColorConversion]::Luma([ArtifactTools.Imaging.ImageCodec]::Read($Source), $true)
$images = foreach ($scale in 1, 2, 9.6) {
    $plane = [ArtifactTools.Training.PlaneResampling]::Resize($y, $scale)
    $path = [IO.Path]::Combine($Work, "speed-$($plane.Width).png")
    [ArtifactTools.Imaging.ImageCodec]::Write([ArtifactTools.Imaging.RasterImage]::Gray($plane), $path, [ArtifactTools.Imaging.ImageEncoding]::Png)
    $path
}
foreach ($model in $Models) {
    Invoke-ArtifactRestore -Path $images[0] -Model $model -OutputDirectory "$Work/out" -Force -Device $Device | Out-Null  # warm-up
    foreach ($image in $images) {
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $r = Invoke-ArtifactRestore -Path $image -Model $model -OutputDirectory "$Work/out" -Force -Device $Device -TileSize 1024
        $mpx = $r.Width * $r.Height / 1e6
        '{0,-10} {1,5}x{2,-5} {3,8:N2} Mpx/s end to end on {4}' -f $model, $r.Width, $r.Height, ($mpx / $sw.Elapsed.TotalSeconds), $Device
    }
}
