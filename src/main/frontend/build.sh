#!/usr/bin/env bash
# Builds the web UI into the controller's classpath (Maven runs this in generate-resources):
#   $1 = output directory (target/classes/webroot), $2 = stamp file remembering what was built.
# Uses the machine's Node.js and npm (ops/require-packages.sh installs Debian's when missing); packages come
# from the npm registry exactly as package-lock.json pins them. Skips the work when nothing changed.
set -euo pipefail
cd "$(dirname "$0")"
OUT=${1:?output directory}
STAMP=${2:?stamp file}

if ! command -v npm >/dev/null; then
  echo "The web UI needs Node.js 20+ and npm: run ops/require-packages.sh" >&2
  exit 1
fi

if [ ! -d node_modules ] || ! cmp -s package-lock.json node_modules/.bantin-installed-lock; then
  echo "web UI: installing packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.bantin-installed-lock
fi

inputs=$(find src public index.html vite.config.ts tsconfig.json env.d.ts package-lock.json build.sh \
  assemble-openapi.mjs ../resources/openapi -type f -not -name schema.d.ts | LC_ALL=C sort | xargs sha256sum \
  | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$inputs" ] && [ -f "$OUT/index.html" ]; then
  exit 0
fi
echo "web UI: building into $OUT"
BANTIN_WEB_OUT="$OUT" npm run --silent build
mkdir -p "$(dirname "$STAMP")"
echo "$inputs" > "$STAMP"
