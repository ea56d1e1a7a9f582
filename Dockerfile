# syntax=docker/dockerfile:1
# The Jarvis server image (linux/amd64, linux/arm64): the Home Assistant add-on pulls it
# (ha-addon/config.yaml `image`), and it runs on its own with JARVIS_* variables and a volume:
#   docker run -d --name jarvis -p 10600:10600 -p 8099:8099 -v jarvis-data:/data \
#     -e JARVIS_HA_URL=http://homeassistant.local:8123 -e JARVIS_HA_TOKEN=... \
#     -e TZ=Europe/Paris ghcr.io/jarvis-voice/jarvis:0.1.0
# or `docker compose up -d` with compose.yaml.
ARG BUILD_FROM=ghcr.io/home-assistant/base-debian:trixie

# Build: every dependency, TypeScript to dist/, then the production dependencies alone.
FROM node:20-trixie-slim AS build
WORKDIR /src
ENV ONNXRUNTIME_NODE_INSTALL=skip ONNXRUNTIME_NODE_INSTALL_CUDA=skip
COPY package.json package-lock.json tsconfig.base.json tsconfig.json ./
COPY protocol/package.json protocol/
COPY satellite/package.json satellite/
COPY ui/package.json ui/
COPY server/package.json server/
COPY lovelace-card/package.json lovelace-card/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY protocol/ protocol/
COPY satellite/ satellite/
COPY ui/ ui/
COPY server/ server/
RUN npm run build -w protocol -w satellite -w ui -w server \
  && rm -rf node_modules \
  && npm ci --omit=dev --no-audit --no-fund \
  && find protocol satellite server -name '*.test.*' -delete \
  && rm -rf node_modules/@usefulsensors/moonshine-js/dist/model/base-es-non-commercial \
    node_modules/moonshine-base-en/dist/model/tiny

# Runtime: Home Assistant's Debian base (glibc for onnxruntime; s6-overlay's /init runs CMD).
FROM ${BUILD_FROM}
ARG BUILD_VERSION=0.1.0
ARG BUILD_ARCH=amd64
LABEL io.hass.type="app" io.hass.version="${BUILD_VERSION}" io.hass.arch="${BUILD_ARCH}" \
  org.opencontainers.image.title="Jarvis" \
  org.opencontainers.image.source="https://github.com/jarvis-voice/jarvis" \
  org.opencontainers.image.licenses="MIT"
COPY docker/install-packages.sh /tmp/install-packages.sh
RUN sh /tmp/install-packages.sh && rm /tmp/install-packages.sh
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules/ node_modules/
COPY --from=build /src/protocol/package.json protocol/
COPY --from=build /src/protocol/dist/ protocol/dist/
COPY --from=build /src/satellite/package.json satellite/
COPY --from=build /src/satellite/dist/ satellite/dist/
# The awake chime reminders start with (server/src/reminders/chime.ts).
COPY --from=build /src/satellite/sounds/awake.wav satellite/sounds/
COPY --from=build /src/ui/package.json ui/
COPY --from=build /src/ui/dist/ ui/dist/
COPY --from=build /src/server/package.json server/
COPY --from=build /src/server/dist/ server/dist/
COPY --from=build /src/lovelace-card/package.json lovelace-card/
COPY --from=build /src/tests/package.json tests/
COPY LICENSE NOTICE jarvis.yaml ./
COPY docker/start.sh /app/start.sh
ENV NODE_ENV=production ORT_DISABLE_TELEMETRY=1 JARVIS_DATA_DIR=/data
VOLUME /data
EXPOSE 10600/tcp 8099/tcp
CMD ["/app/start.sh"]
