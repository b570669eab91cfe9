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
#            twice: "cold" with an empty cache folder, "warm" after it.
#            The pane's output is read as it is written (tmux pipe-pane),
#            not polled: polling forks a tmux client and grep every 10 ms,
#            CPU the reader would otherwise have on a 2-core machine
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

# Before each timed run: a pause, then the files and the binary read (the
# page cache warm), then `sync`. This VM's memory manager drops page cache
# that has not been read for a while (10 → 3.6 GB cached between two runs
# once), the binary's pages too, and back-to-back bursts of work ran
# slower and slower (a 10,000-article open's loader 123 → 301 ms over six
# runs in a row, 127–194 ms with 6 s between them); a session before may
# have written a cache file of hundreds of MB, whose writeback must not
# run during the timed run.
settle() {
    sleep 5
    find "$DIR" -type f -print0 | xargs -0 cat > /dev/null
    cat "$BIN" > /dev/null
    sync
}

settle
t0=$(now)
find "$DIR" -type f -print0 | xargs -0 cat > /dev/null
t1=$(now)
echo "files: $COUNT, $(du -sh "$DIR" | cut -f1)"
echo "cat:        $(elapsed "$t0" "$t1") s"

# The harness's own latency: a pane that prints the awaited text at once
# (the tmux session's start, its shell, and the polling of the pane). The
# open times below include it; cat's time does not.
start_held "printf '%s articles\\n' $COUNT; sleep 60"
t0=$(now)
release
wait_output "$COUNT articles"
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
    settle
    start_held "$BIN $EXTRA $DIR"
    t0=$(now)
    release
    wait_output "$COUNT articles"
    t1=$(now)
    # What the pane shows agrees (the text is on screen, not only written).
    wait_screen "$COUNT articles"
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
