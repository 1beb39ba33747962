#!/usr/bin/env bash
# Is anything wrong? Joins every service's reconciliation report and prints each list (all empty when healthy).
# Defaults to the local run (./run-local.sh, signed in as the coach); see Reconcile for the options.
set -euo pipefail
cd "$(dirname "$0")"
exec java -cp "deploy/local-stack/target/classes:$(cat deploy/local-stack/target/local-run.classpath)" \
  com.wimd.infra.reconcile.Reconcile "$@"
