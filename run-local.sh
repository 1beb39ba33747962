#!/usr/bin/env bash
# Runs the whole system on this machine (JDK 17 is all it needs): builds the services, then starts
# PostgreSQL, Kafka, Keycloak and the four services. Data persists in .local/; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
echo "Building (the first build downloads dependencies and takes a few minutes)..."
./mvnw -B -q install -DskipTests -Plocal-run
exec java -Dslf4j.internal.verbosity=ERROR \
  -Dproject.root="$PWD" \
  -Dkeycloak.zip="$PWD/deploy/local-stack/target/keycloak/keycloak.zip" \
  -cp "deploy/local-stack/target/classes:$(cat deploy/local-stack/target/local-run.classpath)" \
  com.wimd.infra.LocalRun "$@"
