#!/usr/bin/env bash
# The saga benchmark (docs/benchmarks.md): builds, starts PostgreSQL, Kafka and the four services, measures free
# bookings from the request to CONFIRMED (one at a time and with 50 concurrent clients) and a raw Kafka hop, prints
# the table and writes it into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q install -DskipTests
./mvnw -B verify -pl deploy/system-tests -Pbenchmark -Dtest=SagaBenchmark
