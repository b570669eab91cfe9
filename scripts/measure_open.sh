#!/bin/sh
# Whole-process figures for opening a big corpus (issue 17), as the README
# reports them. Needs tmux and /usr/bin/time (GNU). Generate a corpus first,
# outside the repository:
#
#   cargo run --release --example gen_big -- corpus /tmp/px100k 100000 2500 100
#   scripts/measure_open.sh target/release/parallax /tmp/px100k
#
# Prints, with the page cache warm:
#   cat      the time to read every file (find | xargs cat > /dev/null)
#   harness  the time from starting a pane that prints "N articles" at once
#            until the pane shows it: the measurement's own latency, part
#            of every open figure below
#   open     the time from starting the reader in a tmux pane until the
#            library shows "N articles" (titles and count on screen); run
#            twice: "cold" with an empty cache folder, "warm" after it
#   peak     the peak RSS (/usr/bin/time's maximum resident set size) of a
#            session that quits once the log says the analysis is done
# XDG_CACHE_HOME points at a fresh temporary folder, so the user's cache is
# never touched. Extra arguments after DIR go to parallax (e.g. --no-cache).
set -eu
BIN=$(realpath "$1")
DIR=$(realpath "$2")
shift 2
EXTRA="$*"
COUNT=$(find "$DIR" -type f | wc -l)
WORK=$(mktemp -d)
SOCK="$WORK/tmux.sock"
export XDG_CACHE_HOME="$WORK/cache"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT

. "$(dirname "$0")/open_lib.sh"

find "$DIR" -type f -print0 | xargs -0 cat > /dev/null
sync
t0=$(now)
find "$DIR" -type f -print0 | xargs -0 cat > /dev/null
t1=$(now)
echo "files: $COUNT, $(du -sh "$DIR" | cut -f1)"
echo "cat:        $(elapsed "$t0" "$t1") s"

# The harness's own latency: a pane that prints the awaited text at once
# (the tmux session's start, its shell, and the polling of the pane). The
# open times below include it; cat's time does not.
t0=$(now)
start "printf '%s articles\\n' $COUNT; sleep 60"
wait_screen "$COUNT articles"
t1=$(now)
tmux -S "$SOCK" kill-server 2>/dev/null || true
echo "harness:    $(elapsed "$t0" "$t1") s (a pane that shows the text at once)"

# Peak memory of a cold session (empty cache) through the end of the
# analysis; the cache is written after the analysis, in the background.
LOG="$WORK/cold.log"
start "/usr/bin/time -f %M -o $WORK/cold.rss $BIN --log $LOG $EXTRA $DIR"
wait_file "$LOG" 'done.*analyser\|analyser.*done'
# Let the cache be written (logged as "cache written"), if this build has one.
sleep 1
if grep -q "cache" "$LOG"; then
    wait_file "$LOG" "cache written\|cache off\|cache not written"
fi
stop
wait_file "$WORK/cold.rss" '[0-9]'
echo "peak cold:  $(($(tail -1 "$WORK/cold.rss") / 1024)) MB (through the analysis)"

for run in cold-open warm-open; do
    if [ $run = cold-open ]; then
        mv "$XDG_CACHE_HOME" "$WORK/kept-cache" 2>/dev/null || true
    fi
    # The session before wrote a cache file of hundreds of MB: its
    # writeback must not run during the timed open.
    sync
    t0=$(now)
    start "$BIN $EXTRA $DIR"
    wait_screen "$COUNT articles"
    t1=$(now)
    echo "$run:  $(elapsed "$t0" "$t1") s"
    stop
    if [ $run = cold-open ]; then
        rm -rf "$XDG_CACHE_HOME"
        mv "$WORK/kept-cache" "$XDG_CACHE_HOME" 2>/dev/null || true
    fi
done

LOG="$WORK/warm.log"
start "/usr/bin/time -f %M -o $WORK/warm.rss $BIN --log $LOG $EXTRA $DIR"
wait_file "$LOG" 'done.*analyser\|analyser.*done'
stop
wait_file "$WORK/warm.rss" '[0-9]'
echo "peak warm:  $(($(tail -1 "$WORK/warm.rss") / 1024)) MB (through the analysis)"
