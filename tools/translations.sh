#!/bin/sh
# Rebuild the window's Arabic translation.
#   tools/translations.sh update   sources -> resources/translations/desk_ar.ts (new strings, untranslated)
#   tools/translations.sh build    desk_ar.ts -> desk_ar.qm (what the window loads)
#   tools/translations.sh          both
# Translate new strings in desk_ar.ts with Qt Linguist (pyside6-linguist) or any text editor.
set -e
cd "$(dirname "$0")/.."
BIN="${PYSIDE_BIN:-$(dirname "$(command -v python)")}"
TS=resources/translations/desk_ar.ts
QM=resources/translations/desk_ar.qm
what="${1:-all}"
if [ "$what" = update ] || [ "$what" = all ]; then
    # shellcheck disable=SC2046
    "$BIN/pyside6-lupdate" $(find desk/ui -name '*.py' | sort) -target-language ar -no-obsolete -ts "$TS"
fi
if [ "$what" = build ] || [ "$what" = all ]; then
    "$BIN/pyside6-lrelease" "$TS" -qm "$QM"
fi
