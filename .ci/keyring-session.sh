#!/usr/bin/env bash
# Run a command next to a throw-away GNOME Keyring that is already unlocked, so tests
# reach a real Secret Service without a desktop or a person to type a password.
#
#   dbus-run-session -- bash .ci/keyring-session.sh CMD [ARGS...]
#
# The keyring lives in a temporary folder (never the user's own keyrings) with a random
# password, and it is removed when CMD ends. CMD's exit status is returned.
set -euo pipefail

say() { printf 'keyring-session: %s\n' "$*" >&2; }

if [ "$#" -eq 0 ]; then
    say "usage: dbus-run-session -- bash $0 CMD [ARGS...]"
    exit 2
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    say "no D-Bus session: run me under dbus-run-session"
    exit 2
fi
for tool in gnome-keyring-daemon dbus-send; do
    if ! command -v "$tool" >/dev/null; then
        say "$tool not found: install the gnome-keyring and dbus packages"
        exit 2
    fi
done

bus_call() {  # bus_call DEST PATH METHOD ARGS... -> reply on stdout
    local dest=$1 path=$2 method=$3
    shift 3
    dbus-send --session --print-reply=literal --reply-timeout=2000 \
        --dest="$dest" "$path" "$method" "$@"
}
secrets_owned() {  # asks the bus itself, so it never starts a daemon by activation
    bus_call org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
        string:org.freedesktop.secrets 2>/dev/null | grep -q true
}

if secrets_owned; then
    say "a Secret Service already runs on this bus; start a fresh one with dbus-run-session"
    exit 2
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/keyring-session.XXXXXX")
mkdir -m 700 "$home/data" "$home/control" "$home/bare"
password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

# A daemon the bus starts by activation (when ours has gone) looks in an empty folder:
# never in the user's own keyrings, and not in ours either, where it would find them
# locked and answer a client with an unlock prompt that nobody can answer (keyring
# waits for it forever). With no keyring at all it refuses at once; the supervisor
# below then replaces it with one that is unlocked.
bus_call org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.UpdateActivationEnvironment \
    "dict:string:string:XDG_DATA_HOME,$home/bare" >/dev/null

secrets_pid() {  # the pid that owns the Secret Service's name now, or nothing
    bus_call org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
        awk '{print $NF}' || true
}

start_daemon() {  # start_daemon [--replace] -> the daemon's pid on stdout, or fails
    # --unlock reads the password from stdin and creates the "login" collection with it
    # when none exists (that collection becomes the default alias), or unlocks the one
    # on disk. Without --foreground the daemon forks once it owns its bus name, so the
    # parent returns when it is ready. XDG_DATA_HOME is changed for the daemon only.
    printf '%s' "$password" |
        XDG_DATA_HOME="$home/data" gnome-keyring-daemon "$@" --unlock --components=secrets \
            --control-directory="$home/control" >/dev/null
    for _ in $(seq 100); do
        if secrets_owned && bus_call org.freedesktop.secrets /org/freedesktop/secrets/aliases/default \
            org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection \
            string:Locked 2>/dev/null | grep -q 'boolean false'; then
            secrets_pid
            return 0
        fi
        sleep 0.1
    done
    return 1
}

if ! daemon_pid=$(start_daemon); then
    say "gnome-keyring-daemon did not offer an unlocked default collection"
    rm -rf "$home"
    exit 2
fi
say "gnome-keyring-daemon $daemon_pid ready, default collection unlocked"

# gnome-keyring 42 has been seen to exit in the middle of a long run (it is known to
# abort when a client leaves while it still answers), and the bus then
# activates a bare daemon with no unlocked collection, so every later test fails for
# the keyring's sake, not the desk's. The supervisor starts another daemon on the same
# keyring files with the same password, and says so: a restart is never silent. It asks
# the bus who owns the name rather than the process table, where a daemon nobody reaps
# would stay as a zombie; it acts only when two looks agree.
supervise() {
    local pid=$1 owner
    while sleep 0.2; do
        [ "$(secrets_pid)" = "$pid" ] && continue
        sleep 0.2
        owner=$(secrets_pid)
        [ "$owner" = "$pid" ] && continue
        say "gnome-keyring-daemon $pid no longer holds the Secret Service; starting another on the same keyrings"
        # a daemon the bus activated meanwhile holds the keyrings locked: it goes first
        [ -z "$owner" ] || kill "$owner" 2>/dev/null || true
        if pid=$(start_daemon --replace); then
            say "gnome-keyring-daemon $pid ready again, default collection unlocked"
            printf '%s\n' "$(date -u +%FT%TZ) $pid" >>"$home/restarts"
        else
            say "gnome-keyring-daemon could not be started again"
            return 1
        fi
    done
}
supervise "$daemon_pid" &
supervisor_pid=$!

# Tells the vault's tests they may write to (and lock) this keyring: it is not anyone's own.
export DESK_TEST_KEYRING_SESSION=1
# One line per daemon started again: a test that failed across one is run once more.
export DESK_TEST_KEYRING_RESTARTS="$home/restarts"

status=0
"$@" || status=$?

kill "$supervisor_pid" 2>/dev/null || true
wait "$supervisor_pid" 2>/dev/null || true
owner=$(secrets_pid)
[ -n "$owner" ] && kill "$owner" 2>/dev/null || true
rm -rf "$home"
exit "$status"
