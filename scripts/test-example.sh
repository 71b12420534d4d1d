#!/usr/bin/env bash
# Tries the packages the way a user's repository gets them: packs the four workspaces, installs
# the tarballs into a temporary copy of examples/ (no workspace links, only the example's own
# package.json) and runs its type check and its Jest and Vitest suites.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$(date +%s)

mkdir -p "$work/tarballs" "$work/example"
(cd "$root" && npm pack --workspaces --pack-destination "$work/tarballs" --silent >/dev/null)
echo "packed: $(cd "$work/tarballs" && ls)"

tar -C "$root/examples" --exclude=node_modules -cf - . | tar -C "$work/example" -xf -
cd "$work/example"
npm install --no-audit --no-fund --prefer-offline --loglevel=error "$work"/tarballs/*.tgz
npm test

echo "example repository: packed, installed and tested in $(($(date +%s) - start)) s"
