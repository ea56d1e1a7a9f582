#!/bin/sh
# The image's command. Under Home Assistant's Supervisor (SUPERVISOR_TOKEN is set) it runs the
# add-on's start script; elsewhere the server, configured by JARVIS_* variables and an optional
# /config/jarvis.yaml, keeping its data in /data.
set -eu
cd /app
if [ -n "${SUPERVISOR_TOKEN:-}" ]; then
  exec node server/dist/addon/main.js
fi
export JARVIS_DATA_DIR="${JARVIS_DATA_DIR:-/data}"
if [ -z "${JARVIS_CONFIG:-}" ] && [ -f /config/jarvis.yaml ]; then
  export JARVIS_CONFIG=/config/jarvis.yaml
fi
exec node server/dist/main.js
