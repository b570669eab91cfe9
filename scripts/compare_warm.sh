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

. "$(dirname "$0")/open_lib.sh"
# Quits and waits for the reader to end, so the next run never meets a
# server that is going away.
quit() {
    stop
    sleep 0.2
}

find "$DIR" -type f -print0 | xargs -0 cat > /dev/null
for b in old new; do
    start "XDG_CACHE_HOME=$WORK/cache-$b $WORK/$b --log $WORK/$b-first.log $DIR"
    wait_file "$WORK/$b-first.log" "cache written\|cache not written"
    quit
done
for run in $(seq "$RUNS"); do
    for b in old new; do
        rm -f "$WORK/$b.log"
        t0=$(now)
        start "XDG_CACHE_HOME=$WORK/cache-$b $WORK/$b --log $WORK/$b.log $DIR"
        wait_screen "$COUNT articles"
        t1=$(now)
        quit
        loader=$(grep 'done job="loader"' "$WORK/$b.log" | sed 's/.*ms=\([0-9]*\).*/\1/')
        echo "run $run $b: second open $(elapsed "$t0" "$t1") s (loader ${loader} ms)"
    done
done
