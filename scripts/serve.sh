#!/usr/bin/env bash
# Sets up what is missing, builds the release site (scripts/release-build.sh) and serves it on
# http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
echo "Serving jwt-inspector on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops)"
exec bash scripts/release-build.sh serve --no-autoreload --port "${PORT:-8080}"
