#!/usr/bin/env bash
# Builds the container image with buildah and checks it for real with podman (not part of
# `npm test`: it needs both tools, root here, and a few minutes):
#   - the final stage has no compilers, no dev dependencies and no test files; prints its size
#   - the one-shot CLI answers /model X3D
#   - the bot starts against a loopback fake Discord on the host and answers a slash command
#   - a second start on the same /data volume keeps what the first one wrote
#   - SIGTERM (podman stop) ends it cleanly within 10 s
#
#   scripts/container-check.sh
#   NODE_IMAGE=localhost/node20-test:trixie NODE_SLIM_IMAGE=localhost/node20-test:trixie-slim \
#     CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt scripts/container-check.sh
#
# NODE_IMAGE / NODE_SLIM_IMAGE default to the official node:20-bookworm / node:20-bookworm-slim.
# CA_BUNDLE (optional): a CA file the build must trust (a TLS-inspecting proxy); it is mounted into
# the build and passed as NODE_EXTRA_CA_CERTS. Needs a built tree on the host (npm install), whose
# dist/test holds the fake Discord. Built in Docker's image format: OCI images drop HEALTHCHECK.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_IMAGE=${NODE_IMAGE:-node:20-bookworm}
NODE_SLIM_IMAGE=${NODE_SLIM_IMAGE:-node:20-bookworm-slim}
IMAGE=${IMAGE:-localhost/yomikai-check:latest}
export CONTAINERS_CONF=${CONTAINERS_CONF:-/tmp/containers.conf}
# Podman's default ulimits cannot be set in some sandboxes; an empty list keeps the host's.
[ -f "$CONTAINERS_CONF" ] || printf '[containers]\ndefault_ulimits = []\n' > "$CONTAINERS_CONF"

ca_args=()
if [ -n "${CA_BUNDLE:-}" ]; then
  ca_args=(-v "$CA_BUNDLE:/etc/ssl/certs/build-ca.crt:ro" --build-arg NODE_EXTRA_CA_CERTS=/etc/ssl/certs/build-ca.crt)
fi

echo "== build ($NODE_IMAGE → $NODE_SLIM_IMAGE)"
buildah bud --format docker --layers --isolation chroot --network host "${ca_args[@]}" \
  --build-arg NODE_IMAGE="$NODE_IMAGE" --build-arg NODE_SLIM_IMAGE="$NODE_SLIM_IMAGE" \
  -t "$IMAGE" . >/tmp/yomikai-container-build.log 2>&1 || { tail -40 /tmp/yomikai-container-build.log; exit 1; }

[ -f dist/test/fakes/discord.js ] || npm run build
node scripts/container-check.mjs "$IMAGE"
