#!/bin/sh
# Installs what Posting Desk needs on a Debian or Ubuntu machine, then the desk itself
# into .venv.  `sh tools/setup.sh` for the desk, `sh tools/setup.sh test` adds what the
# tests need (a Secret Service, PDF tools, a PostgreSQL server, the test packages).
set -eu
cd "$(dirname "$0")/.."
want=${1:-run}

# Qt's shared libraries, fonts with Arabic glyphs, the X11 platform plugin's libraries.
debs="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 fonts-noto-core fonts-dejavu-core"
if [ "$want" = test ]; then
  # gnome-keyring and dbus: the vault's tests run against a real Secret Service.
  # poppler-utils and LibreOffice Calc read the exported PDF and CSV back as a person would.
  # postgresql: its server programs (/usr/lib/postgresql/*/bin), for tools/with-postgres.sh.
  # binutils: PyInstaller reads the built program's libraries with objdump.
  debs="$debs gnome-keyring dbus dbus-x11 poppler-utils sqlite3 libreoffice-calc-nogui postgresql binutils"
fi

# Debian's own python3 needs python3-venv for `python3 -m venv`.
python3 -c "import ensurepip, venv" 2>/dev/null || debs="python3-venv $debs"

if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  missing=""
  for package in $debs; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
  done
  if [ -n "$missing" ]; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
else
  echo "Not a Debian-like system: install Qt 6's runtime libraries and gnome-keyring yourself." >&2
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
if [ "$want" = test ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
  # The built program, for tests/integration/test_frozen_app.py: made anew from this tree
  # on every run (nothing cached), and a failed build stops the setup here.
  if ! sh tools/build_app.sh; then
    echo "setup: building dist/Posting Desk failed (sh tools/build_app.sh): the tests need it" >&2
    exit 1
  fi
else
  .venv/bin/python -m pip install -q -e .
fi
