#!/bin/sh
# Opens a log in headless Neovim with init.lua and prints the diagnostics it received as JSON.
# Usage: test/server/neovim/run.sh examples/incidents/broken.incident.yaml
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
IC_REPO="$repo" nvim --headless --noplugin -u "$here/init.lua" "$1" -c "luafile $here/check.lua"
