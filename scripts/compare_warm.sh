#!/bin/sh
# Second opens of two builds, alternated on one corpus (issue 17), so the
# load of a shared machine falls on both alike. Needs tmux.
#
#   scripts/compare_warm.sh OLD_BIN NEW_BIN DIR [RUNS]
#
# Each build first opens DIR with an empty cache folder of its own and
# quits once its log says the cache is written; then RUNS times (default
# 3) each build opens DIR again and the time until its pane shows
# "N articles" is printed, with the loader's time from its --log. Cache
# and data folders are temporary (the user's are never touched).
set -eu
DIR=$(realpath "$3")
RUNS=${4:-3}
COUNT=$(find "$DIR" -type f | wc -l)
WORK=$(mktemp -d)
SOCK="$WORK/tmux.sock"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
cp "$1" "$WORK/old"
cp "$2" "$WORK/new"
export XDG_DATA_HOME="$WORK/data"

wait_for() { # FILE PATTERN
    i=0
    until grep -q "$2" "$1" 2>/dev/null; do
        i=$((i + 1))
        [ $i -lt 60000 ] || { echo "timed out waiting for '$2'" >&2; exit 1; }
        sleep 0.01
    done
}
# Quits with q and waits (up to 120 s) for the reader to end, so the next
# run never meets a server that is going away.
quit() {
    tmux -S "$SOCK" send-keys -t m q 2>/dev/null || true
    i=0
    while tmux -S "$SOCK" has-session -t m 2>/dev/null && [ $i -lt 1200 ]; do
        i=$((i + 1))
        sleep 0.1
    done
    tmux -S "$SOCK" kill-server 2>/dev/null || true
    sleep 0.2
}

find "$DIR" -type f -print0 | xargs -0 cat > /dev/null
for b in old new; do
    XDG_CACHE_HOME="$WORK/cache-$b" tmux -S "$SOCK" -f /dev/null new-session -d -x 160 -y 50 -s m \
        "XDG_CACHE_HOME=$WORK/cache-$b $WORK/$b --log $WORK/$b-first.log $DIR"
    wait_for "$WORK/$b-first.log" "cache written\|cache not written"
    quit
done
for run in $(seq "$RUNS"); do
    for b in old new; do
        rm -f "$WORK/$b.log"
        t0=$(date +%s.%N)
        tmux -S "$SOCK" -f /dev/null new-session -d -x 160 -y 50 -s m \
            "XDG_CACHE_HOME=$WORK/cache-$b $WORK/$b --log $WORK/$b.log $DIR"
        i=0
        until tmux -S "$SOCK" capture-pane -p -t m 2>/dev/null | grep -q "$COUNT articles"; do
            i=$((i + 1))
            [ $i -lt 60000 ] || { echo "timed out" >&2; exit 1; }
            sleep 0.01
        done
        t1=$(date +%s.%N)
        quit
        loader=$(grep 'done job="loader"' "$WORK/$b.log" | sed 's/.*ms=\([0-9]*\).*/\1/')
        echo "run $run $b: second open $(echo "$t1 - $t0" | bc) s (loader ${loader} ms)"
    done
done
