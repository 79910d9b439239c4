#!/usr/bin/env bash
# Build the dashboard's front-end from npm (lockfile) into src/eventwire/web/static/.
set -euo pipefail
cd "$(dirname "$0")/../web" 2>/dev/null || { echo "no web/ folder: dashboard not built"; exit 0; }
[ -f package.json ] || { echo "no web/package.json: dashboard not built"; exit 0; }
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
