#!/usr/bin/env bash
# The dev overlay's Secrets, made on the cluster (nothing secret is in this repository): one new random password for
# PostgreSQL (the superuser, which the four services use in dev, as in docker-compose), one for Keycloak's admin, and
# the keys the sandbox and the local calendar do not need, left empty. Run it once per cluster, before applying the
# overlay; it leaves Secrets that exist alone.
set -euo pipefail
namespace=${NAMESPACE:-coach}
kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"
make() { # name, then --from-literal arguments
  local name=$1; shift
  if kubectl -n "$namespace" get secret "$name" >/dev/null 2>&1; then echo "secret $name: there"; return; fi
  kubectl -n "$namespace" create secret generic "$name" "$@" >/dev/null && echo "secret $name: made"
}
db_password=$(head -c 18 /dev/urandom | base64)
for service in booking-service payment-service calendar-service notification-service; do
  make "$service-db" --type=kubernetes.io/basic-auth --from-literal=username=postgres --from-literal=password="$db_password"
done
make keycloak-admin --from-literal=password="$(head -c 18 /dev/urandom | base64)"
make payment-service-stripe --from-literal=STRIPE_SECRET_KEY= --from-literal=STRIPE_PUBLISHABLE_KEY= --from-literal=STRIPE_WEBHOOK_SECRET=
make calendar-service-google --from-literal=GOOGLE_SERVICE_ACCOUNT_KEY=
make notification-service-smtp --from-literal=QUARKUS_MAILER_USERNAME= --from-literal=QUARKUS_MAILER_PASSWORD=
make notification-service-twilio --from-literal=TWILIO_ACCOUNT_SID= --from-literal=TWILIO_AUTH_TOKEN= --from-literal=TWILIO_PHONE_NUMBER=
