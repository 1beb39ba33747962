#!/usr/bin/env bash
# The benchmarks (docs/benchmarks.md). Each builds, starts PostgreSQL, Kafka and the four packaged services, measures,
# prints its table and writes it into docs/benchmarks.md:
#   ./benchmark.sh               the saga: free bookings from the request to CONFIRMED (one at a time, 50 concurrent
#                                clients) and a raw Kafka hop
#   ./benchmark.sh availability  90 days of availability against a trivial endpoint, 200 connections each
#   ./benchmark.sh pages         the web page in headless Chromium: first visit, reload, reload signed in
#   ./benchmark.sh all           the saga and availability
set -euo pipefail
cd "$(dirname "$0")"
case "${1:-saga}" in
  saga) which=SagaBenchmark ;;
  availability) which=AvailabilityBenchmark ;;
  all) which='SagaBenchmark,AvailabilityBenchmark' ;;
  pages) which=PageLoadBenchmark; module=deploy/browser-tests ;;
  -*) which=SagaBenchmark; set -- saga "$@" ;;
  *) echo "usage: $0 [saga|availability|pages|all] [maven options]" >&2; exit 2 ;;
esac
[ $# -gt 0 ] && shift  # (with no argument there is nothing to shift)
./mvnw -B -q install -DskipTests
# extra Maven options pass through, e.g. a profile of each service:
#   ./benchmark.sh saga "-Dbenchmark.jvm-options=-Xmx512m -XX:+UseSerialGC -XX:StartFlightRecording=filename=/tmp/jfr/,settings=profile"
./mvnw -B verify -pl "${module:-deploy/system-tests}" -Pbenchmark -Dtest="$which" "$@"
