#!/usr/bin/env bash
# build-web.sh: builds the web client into web/dist when its sources are newer than the build.
set -euo pipefail
cd "$(dirname "$0")/../web"
stamp=dist/index.html
if [ -f "$stamp" ] && [ -z "$(find src public index.html package.json package-lock.json vite.config.ts \
        -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    exit 0
fi
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build --silent
