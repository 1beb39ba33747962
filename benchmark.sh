#!/usr/bin/env bash
# The saga benchmark (docs/benchmarks.md): builds, starts PostgreSQL, Kafka and the four services, measures free
# bookings from the request to CONFIRMED (one at a time and with 50 concurrent clients) and a raw Kafka hop, prints
# the table and writes it into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q install -DskipTests
# extra Maven options pass through, e.g. a profile of each service:
#   ./benchmark.sh "-Dbenchmark.jvm-options=-Xmx512m -XX:+UseSerialGC -XX:StartFlightRecording=filename=/tmp/jfr/,settings=profile"
./mvnw -B verify -pl deploy/system-tests -Pbenchmark -Dtest=SagaBenchmark "$@"
