#!/usr/bin/env bash
# Trains several models at once on one GPU with Start-ArtifactTraining, then packs models, logs, curves and
# checkpoints into $OUT/results.tar.xz. Each line of the job file: <name> <architecture> <degradation> <iterations> <batch> <patch> [resume]
# SIGINT at the deadline makes a run stop cleanly: it keeps its checkpoint and writes the model it has reached.
set -uo pipefail
jobs_file=$1; deadline=${2:-480}
W=${W:-/tmp/w}; . "$W/env.sh"
root=$(pwd); mkdir -p "$W/models"
while read -r name arch degradation iterations batch patch resume; do
  [ -z "$name" ] && continue
  extra=""; [ "${resume:-}" = "resume" ] && extra="-Resume"
  ( cd "$W" && timeout -s INT "$deadline" "$root/host/artifacttools" -Command "Start-ArtifactTraining -Architecture '$arch' \
      -TrainingPath $W/data/BSDS500/train -ValidationPath $W/data/BSDS500/val -Degradation '$degradation' \
      -Iterations $iterations -BatchSize $batch -PatchSize $patch -ValidateEvery 1000 -CheckpointEvery 1000 \
      -OutputPath $W/models/$name.safetensors -Name $name -Device cuda -Threads 2 -Force $extra" > "$W/models/$name.out" 2>&1 ) &
done < "$jobs_file"
wait
tail -n 4 "$W"/models/*.out
tar -cf - -C "$W/models" . | xz -T8 -6 > "$OUT/results.tar.xz"
