#!/usr/bin/env bash
# Benchmark: findings analysis of a synthetic 10,000-component / 50,000-edge model (see AnalyzeBenchmark.java).
# usage: bench/analyze/run.sh [COMPONENTS] [EDGES]     (builds target/infradoc.jar if missing)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
[ -f target/infradoc.jar ] || mvn -o -q package -DskipTests
java -Xmx1g -cp target/infradoc.jar bench/analyze/AnalyzeBenchmark.java "$@"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
