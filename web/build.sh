#!/usr/bin/env bash
# Build the dashboard bundle into src/eventwire/web/static/ (git-ignored).
# Dependencies come from the npm registry through the lockfile; nothing is vendored.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build
