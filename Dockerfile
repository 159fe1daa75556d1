# yomikai: build with the compilers better-sqlite3 needs, run on a slim image without them.
#   docker build -t yomikai .
#   docker run -d --name yomikai --env-file .env -v yomikai-data:/data yomikai
# Another Node 20+ Debian-based pair of images: --build-arg NODE_IMAGE=… --build-arg NODE_SLIM_IMAGE=…
# Behind a TLS-inspecting proxy: mount its CA and pass --build-arg NODE_EXTRA_CA_CERTS=/path/in/build.
ARG NODE_IMAGE=node:20-bookworm
ARG NODE_SLIM_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG NODE_EXTRA_CA_CERTS
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: "prepare" would build before the sources are here; better-sqlite3's
# native module is the one install script needed (compiled here when no prebuilt one downloads).
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY commands commands
# bench/ is part of the build project and imports the test fakes; neither reaches the image.
COPY bench bench
COPY test test
RUN node_modules/.bin/tsc -p tsconfig.build.json \
 && find dist -name '*.map' -delete \
 && npm prune --omit=dev --no-audit --no-fund \
 && find node_modules -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \) -delete
# (types and source maps are for editors and compilers; nothing loads them at run time)
# A catalog check leaves the parsed catalog in node_modules/.cache/yomikai (src/catalog/yaml-cache.ts),
# so the image's first start reads it as JSON instead of parsing the YAML.
COPY bin bin
COPY data data
RUN node bin/yomikai.js catalog check
# better-sqlite3 keeps its SQLite sources and object files (~25 MB); only the module is loaded.
RUN cd node_modules/better-sqlite3 \
 && mv build/Release/better_sqlite3.node /tmp/ \
 && rm -rf build deps src \
 && mkdir -p build/Release && mv /tmp/better_sqlite3.node build/Release/

FROM ${NODE_SLIM_IMAGE}
# A user of our own: the stand-in and other Debian images have no "node" user.
RUN useradd --system --user-group --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin yomikai \
 && mkdir /data && chown yomikai:yomikai /data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist/src dist/src
COPY --from=build /app/dist/commands dist/commands
COPY bin bin
COPY data data
ENV NODE_ENV=production YOMIKAI_DB=/data/yomikai.db HEALTH_PORT=8081
VOLUME /data
USER yomikai
# The bot answers GET /health on HEALTH_PORT in every mode (platforms connected, database
# writable, scheduler ticking); the probe asks it (src/health-probe.ts).
EXPOSE 8081
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "dist/src/health-probe.js"]
ENTRYPOINT ["node", "bin/yomikai.js"]
CMD ["start"]
