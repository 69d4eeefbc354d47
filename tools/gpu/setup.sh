#!/usr/bin/env bash
# Unpacks the carried app (self-contained console host + module without libtorch) and data on a GPU machine whose
# Python has PyTorch (CUDA), and points ArtifactTools at PyTorch's libtorch (ARTIFACTTOOLS_LIBTORCH).
set -euo pipefail
W=${W:-/tmp/w}
mkdir -p "$W/data"
[ -f .carry/app.tar.xz ] && tar -xJf .carry/app.tar.xz -C .
for d in .carry/data*.tar; do [ -f "$d" ] && tar -xf "$d" -C "$W/data"; done
TL=$(python3 -c "import torch,os;print(os.path.join(os.path.dirname(torch.__file__),'lib'))")
echo "export ARTIFACTTOOLS_LIBTORCH=$TL LD_LIBRARY_PATH=$TL:\${LD_LIBRARY_PATH:-}" > "$W/env.sh"
