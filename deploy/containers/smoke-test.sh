#!/usr/bin/env bash
# The containers, tried as a user would: installs podman where it is missing, builds every image
# (build-images.sh), runs docker-compose.yml with podman-compose, and then, through the ingress:
#   signs in with Keycloak as alice, books a free session and sees it CONFIRMED, sees her email at the mail
#   catcher; restarts booking-service and PostgreSQL and sees the booking still there; takes everything down.
# It prints each image's size, the stack's memory and the time to ready. Run from anywhere, as root:
#   deploy/containers/smoke-test.sh
# OFFICIAL_IMAGES=1 uses docker-compose.yml's defaults (the registries' images) instead of the stand-ins.
# KEEP_UP=1 leaves the stack running afterwards (podman-compose -p coach-smoke down -v takes it down).
set -euo pipefail
# podman runs rootful, the way it was verified on these machines (rootless podman was not tried)
[ "$(id -u)" -eq 0 ] || exec sudo -E "$0" "$@"
cd "$(dirname "$0")/../.."
here=deploy/containers
project=coach-smoke
started=$(date +%s)
say() { echo "[smoke $(( $(date +%s) - started ))s] $*"; }
fail() { echo "SMOKE TEST FAILED: $*" >&2; logs; exit 1; }
container() { echo "${project}_$1_1"; }
logs() {
  for service in postgres kafka keycloak booking-service payment-service calendar-service notification-service \
      mail-catcher ingress; do
    echo "---- $service (last lines)" >&2
    podman logs --tail 15 "$(container "$service")" >&2 2>&1 || true
  done
}
# waits up to $1 seconds for the command after it to succeed
await() {
  local limit=$1; shift
  local until=$(( $(date +%s) + limit ))
  until "$@" > /dev/null 2>&1; do
    [ "$(date +%s)" -lt "$until" ] || return 1
    sleep 1
  done
}
healthy() { for service in "$@"; do podman healthcheck run "$(container "$service")" || return 1; done; }
# the first "name":"value" in a JSON text (a booking's own status comes before its steps')
json_field() { grep -o "\"$1\" *: *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }

"$here/podman-setup.sh"
"$here/build-images.sh"
built=$(date +%s)

export POSTGRES_PASSWORD="smoke-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export KEYCLOAK_ADMIN_PASSWORD="smoke-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export PAYMENT_MODE=sandbox CALENDAR_MODE=local
if [ -z "${OFFICIAL_IMAGES:-}" ]; then
  set -a; . "$here/target/stand-ins.env"; set +a
fi
compose() { podman-compose -p "$project" "$@"; }
teardown() {
  if [ -z "${KEEP_UP:-}" ]; then
    say "taking everything down"
    compose down -v > "$here/target/compose-down.log" 2>&1 || true
  fi
}
say "clearing any earlier run"; compose down -v > /dev/null 2>&1 || true
trap teardown EXIT

say "podman-compose up"
up_at=$(date +%s)
compose up -d > "$here/target/compose-up.log" 2>&1 || { cat "$here/target/compose-up.log"; fail "podman-compose up"; }
services=(booking-service payment-service calendar-service notification-service)
await 420 healthy postgres kafka keycloak "${services[@]}" || fail "the stack was not healthy within 420 s"
await 60 curl -sf -o /dev/null http://127.0.0.1:8080/booking/availability || fail "the ingress did not answer"
ready_s=$(( $(date +%s) - up_at ))
say "ready in ${ready_s} s"

token=$(curl -sf -d grant_type=password -d client_id=booking-api -d username=alice -d password=alice \
  http://127.0.0.1:8180/realms/coach/protocol/openid-connect/token | json_field access_token || true)
[ -n "$token" ] || fail "Keycloak gave alice no token"
day=$(date -d 'next monday + 7 days' +%F)
booking=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"scheduled_datetime":"'"$day"'T10:00:00-05:00","backup_datetime":"'"$day"'T11:00:00-05:00","user_phone":"(416) 555-0199","promo_code":"WIMD25"}' \
  http://127.0.0.1:8080/booking/create-free)
[ "$(tail -1 <<< "$booking")" = 202 ] || fail "create-free answered: $booking"
booking_id=$(head -1 <<< "$booking" | json_field booking_id)
say "booked $booking_id (free, $day 10:00 -05:00)"
status() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:8080/booking/$booking_id" | json_field status; }
confirmed() { [ "$(status)" = CONFIRMED ]; }
await 120 confirmed || fail "the booking is $(status), not CONFIRMED, after 120 s"
say "the booking is CONFIRMED"

emailed() { curl -sf http://127.0.0.1:8025/api/v1/messages | grep -q '"Address":"alice@example.com"'; }
await 120 emailed || fail "no email to alice@example.com at the mail catcher"
say "alice's email is at the mail catcher: $(curl -sf http://127.0.0.1:8025/api/v1/messages \
  | sed -n 's/.*"Address":"alice@example.com"}\],"Subject":"\([^"]*\)".*/\1/p' | head -1)"

say "restarting booking-service and PostgreSQL"
restart_at=$(date +%s)
# a stop waits up to 30 s, as Kubernetes does (podman-compose 1.0 reads no stop_grace_period)
podman restart -t 30 "$(container postgres)" "$(container booking-service)" > /dev/null 2>&1
await 180 healthy postgres booking-service || fail "booking-service and PostgreSQL not healthy again within 180 s"
await 60 confirmed || fail "after the restart the booking is '$(status)', not CONFIRMED"
say "after the restart ($(( $(date +%s) - restart_at )) s) the booking is still CONFIRMED"

echo
echo "== container images"
podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep coach | sort
echo "== the stack's memory (podman stats: each container's cgroup usage, not PSS)"
memory=$(podman stats --no-stream --format '{{.Name}} {{.MemUsage}}' | grep "^$project" | sort)
echo "$memory"
echo "$memory" | awk '{ v = $2; u = v; gsub(/[0-9.]/, "", u); gsub(/[A-Za-z]/, "", v);
  s += v * ((u == "GB") ? 1000 : (u == "kB") ? 0.001 : (u == "B") ? 0.000001 : 1) }
  END { printf "in all: %.0f MB\n", s }'
echo "== times"
echo "images built in $(( built - started )) s; stack ready ${ready_s} s after podman-compose up"
say "SMOKE TEST PASSED"
