#!/bin/sh
# Builds the installable program: dist/Posting Desk/ (run `dist/Posting Desk/desk`).
#
#   sh tools/build_app.sh
#
# After `sh tools/setup.sh` (the desk in .venv): installs PyInstaller into .venv, then
# runs `pyinstaller --noconfirm build.spec`. build/ holds PyInstaller's work files and
# is cleared on every run, so a build never reuses anything from an older one.
# Tested on Linux; on Windows and macOS run the same two steps by hand (see build.spec).
set -eu
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  echo "build_app: no .venv here: run 'sh tools/setup.sh' first" >&2
  exit 2
fi
started=$(date +%s)
.venv/bin/python -m pip install -q "pyinstaller>=6.10,<7"
rm -rf build
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN build.spec
finished=$(date +%s)

app="dist/Posting Desk"
if [ ! -x "$app/desk" ]; then
  echo "build_app: PyInstaller finished but $app/desk is missing" >&2
  exit 1
fi
size=$(du -sh "$app" | cut -f1)
echo "build_app: $(pwd)/$app ($size) built in $((finished - started)) s"
echo "build_app: try it with: \"$app/desk\" --version"
