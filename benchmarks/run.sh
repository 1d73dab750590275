#!/usr/bin/env bash
# The one benchmark command: builds the benchmark jar (and the CLI jar it times), then runs every benchmark and
# writes docs/BENCHMARKS.md. Takes a few minutes on 2 cores. Extra arguments go to the harness
# (e.g. --only micro,create or --out /tmp/BENCHMARKS.md).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
mvn -B -q -Dstyle.color=never -pl benchmarks,link-cli -am install -DskipTests
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -jar benchmarks/target/milink-benchmarks.jar \
  --root "$root" --out "$root/docs/BENCHMARKS.md" "$@"
