#!/usr/bin/env bash
# Side by side in one run, from outside the product:
#   1. end-to-end `Invoke-ArtifactRestore -Model arcnn-q10` on a 1024x1024 gray PNG against a bare AR-CNN forward pass
#      in Debian's PyTorch (python3-torch) on the same machine and thread count: ratio of Mpx/s, target >= 1.0;
#   2. peak resident memory of restoring a 48 MP (8000x6000) gray PNG with the default model choice: target < 2.5 GB;
#   3. tiled restore equals the untiled one on the 1024x1024 image (max abs difference <= 1/255);
#   4. AR-CNN training (Adam, batch 16 of 48x48) in a fresh process: Start-ArtifactTraining's per-iteration seconds from
#      its log against bench/pytorch_train.py's loop: steps/s ratio, target >= 0.8.
# It starts with the CPU model, its instruction set and what this machine measured (training cap, tiles, precision).
# Needs `dotnet build -c Release` first and python3-torch (apt-get install python3-torch). Exits 1 if a target is missed.
# Usage: bench/compare-pytorch.sh [photo]   (default: data/photos/leaf.png)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
host=$(ls src/ArtifactTools.Host/bin/Release/net10.0/*/artifacttools src/ArtifactTools.Host/bin/Release/net10.0/artifacttools 2>/dev/null | head -n1 || true)
[ -x "$host" ] || { echo "Build first: dotnet build -c Release" >&2; exit 2; }
python=/usr/bin/python3
"$python" -c 'import torch' 2>/dev/null || { echo "python3-torch is missing: apt-get install python3-torch" >&2; exit 2; }
photo=${1:-data/photos/leaf.png}
threads=$(nproc)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
status=0

"$host" -Command "[void][ArtifactTools.Benchmarks.BenchmarkImages]::Write('$photo', 1024, 1024, '$work/gray-1024.png', \$false);
                  [void][ArtifactTools.Benchmarks.BenchmarkImages]::Write('$photo', 8000, 6000, '$work/gray-48mp.png', \$false)"

echo "== 0. Machine"
lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print "CPU: " $2 }'
"$host" -Command "'ISA: ' + [ArtifactTools.Runtime.CpuIdentity]::Current.Isa; 'libtorch: ' + [ArtifactTools.Runtime.CpuIdentity]::Current.TorchBuild"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $threads CPUs (figures are trustworthy only on an idle machine)"

echo "== 1. End to end arcnn-q10 (ArtifactTools) vs bare AR-CNN forward (PyTorch), 1024x1024 gray, $threads threads"
torch_line=$("$python" bench/pytorch_forward.py --networks arcnn --size 1024x1024 --threads "$threads" --repeats 3)
torch_mpx=$(echo "$torch_line" | cut -d, -f6)
echo "PyTorch $(echo "$torch_line" | cut -d, -f7) bare forward, best of 3: $torch_mpx Mpx/s"
# Three restores in one session (a scheduled task's batch); the first includes loading the model. /usr/bin/time gives
# the whole process, engine start and module import included.
runs=$( { /usr/bin/time -f "process %e s" "$host" -Command "1..3 | ForEach-Object {
    \$r = Invoke-ArtifactRestore -LiteralPath '$work/gray-1024.png' -Model arcnn-q10 -OutputDirectory '$work/out' -Force
    'run {0:F3} s' -f \$r.Duration.TotalSeconds }"; } 2>&1 )
echo "$runs"
first=$(echo "$runs" | awk '/^run/ {print $2; exit}')
best=$(echo "$runs" | awk '/^run/ {print $2}' | sort -g | head -n1)
process=$(echo "$runs" | awk '/^process/ {print $2}')
awk -v t="$torch_mpx" -v first="$first" -v best="$best" 'BEGIN {
    mp = 1024 * 1024 / 1e6
    printf "ArtifactTools end to end: first run %.3f Mpx/s (ratio %.2f), best run %.3f Mpx/s (ratio %.2f)\n", mp / first, mp / first / t, mp / best, mp / best / t }'
awk -v t="$torch_mpx" -v best="$best" 'BEGIN { exit !((1.048576 / best) / t >= 1.0) }' \
    && echo "PASS ratio >= 1.0" || { echo "FAIL ratio < 1.0"; status=1; }
echo "(whole process, three restores with engine start-up: $process s)"

echo "== 2. Peak memory, 48 MP (8000x6000) gray PNG, default model choice"
mem=$( { /usr/bin/time -f "maxrss_kb %M wall %e" "$host" -Command "Invoke-ArtifactRestore -LiteralPath '$work/gray-48mp.png' -OutputDirectory '$work/out' -Force |
    ForEach-Object { 'model {0}, {1:F1} s, {2:F3} Mpx/s' -f \$_.Model, \$_.Duration.TotalSeconds, (48 / \$_.Duration.TotalSeconds) }"; } 2>&1 )
echo "$mem"
rss_kb=$(echo "$mem" | awk '/^maxrss_kb/ {print $2}')
awk -v kb="$rss_kb" 'BEGIN { printf "peak RSS %.2f GB\n", kb / 1024 / 1024; exit !(kb < 2.5 * 1024 * 1024) }' \
    && echo "PASS peak RSS < 2.5 GB" || { echo "FAIL peak RSS >= 2.5 GB"; status=1; }

echo "== 3. Tiled equals untiled, 1024x1024, arcnn-q10 and l8-q10"
"$host" -Command "foreach (\$name in 'arcnn-q10', 'l8-q10') {
    \$model = [ArtifactTools.Models.ModelFile]::Load([ArtifactTools.Models.ModelCatalog]::Default().Find(\$name).Path, \$null, \$null)
    \$restorer = [ArtifactTools.Restoration.Restorer]::new(\$model, \$true)
    \$y = [ArtifactTools.Imaging.ImageCodec]::Read('$work/gray-1024.png').Channels[0]
    \$none = [Threading.CancellationToken]::None
    \$tiled = \$restorer.RestoreLuma(\$y, [ArtifactTools.Restoration.RestoreOptions]::new(), \$none)
    \$whole = \$restorer.RestoreLuma(\$y, [ArtifactTools.Restoration.RestoreOptions]@{ TileSize = 4096 }, \$none)
    \$max = 0.0; for (\$i = 0; \$i -lt \$whole.Data.Length; \$i++) { \$d = [Math]::Abs(\$whole.Data[\$i] - \$tiled.Data[\$i]); if (\$d -gt \$max) { \$max = \$d } }
    '{0}: {1} tiles of at most {2} px; max abs difference {3:E2} grey levels ({4})' -f \$name, [ArtifactTools.Restoration.TileGrid]::Create(1024, 1024, \$restorer.DefaultTileSize(\$null), \$restorer.DefaultMargin, 1).Count, \$restorer.DefaultTileSize(\$null), \$max, \$(if (\$max -le 1.0) { 'PASS <= 1/255' } else { 'FAIL > 1/255' })
    \$restorer.Dispose() }" | tee "$work/tiles.txt"
grep -q FAIL "$work/tiles.txt" && status=1
"$host" -Command "\$c = [ArtifactTools.Restoration.Restorer]::new([ArtifactTools.Models.ModelFile]::Load([ArtifactTools.Models.ModelCatalog]::Default().Find('arcnn-q10').Path, \$null, \$null), \$true).Tuning
    if (\$c) { 'arcnn-q10 as measured on this machine: {0} tiles of {1} px, {2:F2} Mpx/s (float32 best {3:F2}; bf16 RMS {4:F3} grey levels)' -f \$c.Precision, \$c.TileSize, \$c.MegapixelsPerSecond, \$c.Float32MegapixelsPerSecond, \$c.BFloat16RmsGreyLevels }
    else { 'arcnn-q10: not calibrated (rule tiles, float32)' }"

echo "== 4. Training AR-CNN (Adam, batch 16 of 48x48), fresh process, $threads threads"
torch_train=$(cd bench && "$python" pytorch_train.py --network arcnn --threads "$threads" --iterations 30 --warmup 5)
torch_step=$(echo "$torch_train" | cut -d, -f6)
echo "PyTorch $(echo "$torch_train" | cut -d, -f8): $torch_step s per iteration (median of 30)"
mkdir -p "$work/train"
cp data/photos/*.png "$work/train/"
"$host" -Command "\$r = Start-ArtifactTraining -Architecture ARCNN -TrainingPath '$work/train' -Quality 10 -Iterations 36 -ValidateEvery 0 -CheckpointEvery 0 -Threads $threads -OutputPath '$work/t/arcnn.safetensors' -Force
    \$v = [ArtifactTools.Runtime.TrainingKernels]::Cached([ArtifactTools.Runtime.TuningCache]::ForThisMachine)
    'oneDNN cap for training on this machine: {0} ({1})' -f \$(if (\$v -and \$v.Cap) { \$v.Cap } elseif (\$v) { 'none: uncapped kernels measured exact' } else { 'AVX: not measured' }), \$(if (\$v) { \$v.MeasuredUtc.ToString('u') } else { '' })" || status=1
# Iterations 6..35: after oneDNN built its kernels, before the last iteration's validation.
ours_step=$("$python" -c "import json,statistics,sys; e=[json.loads(l) for l in open(sys.argv[1])]; s=[b['seconds']-a['seconds'] for a,b in zip(e,e[1:]) if 6<=b['iteration']<=35]; print(f'{statistics.median(s):.4f}')" "$work/t/arcnn.log.jsonl")
awk -v t="$torch_step" -v o="$ours_step" 'BEGIN {
    printf "ArtifactTools: %.4f s per iteration (median of 30); steps/s ratio to PyTorch %.2f\n", o, t / o; exit !(t / o >= 0.8) }' \
    && echo "PASS training >= 0.8x PyTorch" || { echo "FAIL training < 0.8x PyTorch"; status=1; }
exit $status
