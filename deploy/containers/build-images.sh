#!/usr/bin/env bash
# Builds every image docker-compose.yml runs, with podman, on a machine that reaches no container registry:
#   1. a Debian base made with debootstrap (bookworm, its updates and its security suite), once;
#   2. the Java runtime on it: Debian's current openjdk-17-jre-headless and tzdata;
#   3. the four services, by the Maven build (quarkus-container-image-podman), on that runtime;
#   4. stand-ins for the infrastructure: PostgreSQL, Kafka, Keycloak, the mail catcher and the ingress.
# It writes deploy/containers/target/stand-ins.env, the variables that point docker-compose.yml at these images
# (each defaults to the official image). Needs podman (deploy/containers/podman-setup.sh installs and configures
# it) and, for the base, debootstrap; run as root, as podman here runs rootful.
#   deploy/containers/build-images.sh            # everything (the base and the runtime only when missing)
#   REBUILD_BASE=1 deploy/containers/build-images.sh   # a new base and runtime too (newer Debian packages)
set -euo pipefail
cd "$(dirname "$0")/../.."
here=deploy/containers
stage=$here/target
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
base=localhost/coach-debian:bookworm
jre=localhost/coach-jre:17
kafka_version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' pom.xml)
keycloak_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
started=$(date +%s)
say() { echo "[images $(( $(date +%s) - started ))s] $*"; }

mkdir -p "$stage"

# 1. The Debian base: minbase, apt pointed at the suites that carry current packages, no package lists kept.
if [ -n "${REBUILD_BASE:-}" ] || ! podman image exists "$base"; then
  say "making the Debian base with debootstrap from $mirror"
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" > "$stage/debootstrap.log" 2>&1 \
    || { tail -20 "$stage/debootstrap.log"; exit 1; }
  rm -f "$rootfs/etc/apt/sources.list"
  cat > "$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
    "$rootfs"/usr/share/man/* "$rootfs"/var/log/*
  tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - "$base" > /dev/null
  rm -rf "$rootfs"
  trap - EXIT
  podman rmi -f "$jre" > /dev/null 2>&1 || true
fi

# 2. The Java runtime.
if ! podman image exists "$jre"; then
  say "building $jre"
  podman build -q --build-arg BASE_IMAGE="$base" -t "$jre" "$here/jre" > /dev/null
fi
say "runtime: $(podman run --rm "$jre" java -version 2>&1 | head -1), time-zone rules $(podman run --rm "$jre" \
  bash -c 'dpkg-query -W -f "\${Version}" tzdata')"

# 3. The services (and the broker's and mail catcher's jars, and Keycloak's distribution) from one Maven build.
say "building the services' images with Maven and podman"
./mvnw ${MAVEN_ARGS:--B -ntp} package -DskipTests -Plocal-run,images \
  -Dquarkus.container-image.build=true -Dquarkus.podman.build-args.BASE_IMAGE="$jre" \
  -pl booking-service,payment-service,calendar-service,notification-service -am > "$stage/maven.log" 2>&1 \
  || { grep -E "ERROR|FAIL" "$stage/maven.log" | head -30; exit 1; }

# 4. The stand-ins.
say "building the stand-ins for the infrastructure"
rm -rf "$stage/kafka" "$stage/keycloak" "$stage/mail-catcher"
mkdir -p "$stage/kafka" "$stage/keycloak" "$stage/mail-catcher"
cp "$here/kafka/Containerfile" "$here/kafka/run" "$stage/kafka/"
cp -r deploy/kafka-broker/target/lib "$stage/kafka/lib"
cp deploy/kafka-broker/target/kafka-broker-*.jar "$stage/kafka/"
cp "$here/mail-catcher/Containerfile" "$stage/mail-catcher/"
cp -r deploy/local-stack/target/mail-catcher-lib "$stage/mail-catcher/lib"
cp "$(ls deploy/local-stack/target/local-stack-*.jar | grep -v -- -tests.jar)" "$stage/mail-catcher/"
cp "$here/keycloak/Containerfile" "$stage/keycloak/"
(cd "$stage/keycloak" && jar xf "$OLDPWD/deploy/local-stack/target/keycloak/keycloak.zip" && mv keycloak-* keycloak)

build() { # name context base
  podman build -q --build-arg BASE_IMAGE="$3" -t "$1" "$2" > /dev/null || { echo "building $1 failed"; exit 1; }
}
build localhost/coach-postgres:15 "$here/postgres" "$base" &
build localhost/coach-ingress:1.22 "$here/ingress" "$base" &
build "localhost/coach-kafka:$kafka_version" "$stage/kafka" "$jre" &
build "localhost/coach-keycloak:$keycloak_version" "$stage/keycloak" "$jre" &
build localhost/coach-mail-catcher:latest "$stage/mail-catcher" "$jre" &
for job in $(jobs -p); do wait "$job"; done

cat > "$stage/stand-ins.env" <<EOF
POSTGRES_IMAGE=localhost/coach-postgres:15
KAFKA_IMAGE=localhost/coach-kafka:$kafka_version
KEYCLOAK_IMAGE=localhost/coach-keycloak:$keycloak_version
MAIL_CATCHER_IMAGE=localhost/coach-mail-catcher:latest
INGRESS_IMAGE=localhost/coach-ingress:1.22
EOF
say "done; the images:"
podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E 'coach' | sort
