# Shell functions the open measurements share (sourced by measure_open.sh
# and compare_warm.sh): timing, and a reader in a tmux session "m" on the
# socket $SOCK, which the sourcing script sets.

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

# Starts the reader in a fresh tmux session (160x50) with COMMAND.
start() {
    tmux -S "$SOCK" -f /dev/null new-session -d -x 160 -y 50 -s m "$1"
}
# Waits (polling every 10 ms, at most 600 s) until the pane shows TEXT.
wait_screen() {
    i=0
    until tmux -S "$SOCK" capture-pane -p -t m 2>/dev/null | grep -q "$1"; do
        i=$((i + 1))
        [ $i -lt 60000 ] || { echo "timed out waiting for '$1'" >&2; exit 1; }
        sleep 0.01
    done
}
# Waits until FILE holds a line matching PATTERN.
wait_file() {
    i=0
    until grep -q "$2" "$1" 2>/dev/null; do
        i=$((i + 1))
        [ $i -lt 60000 ] || { echo "timed out waiting for '$2' in $1" >&2; exit 1; }
        sleep 0.01
    done
}
# Quits with q and waits (up to 120 s) for the program to end on its own,
# so /usr/bin/time writes its figure.
stop() {
    tmux -S "$SOCK" send-keys -t m q 2>/dev/null || true
    i=0
    while tmux -S "$SOCK" has-session -t m 2>/dev/null && [ $i -lt 1200 ]; do
        i=$((i + 1))
        sleep 0.1
    done
    tmux -S "$SOCK" kill-server 2>/dev/null || true
}

# The same without polling the pane (polling forks a tmux client and grep
# every 10 ms, which takes CPU from the program being timed on a small
# machine): the pane's output is copied to a file from its first byte, and
# grep reads it as it is written. `start_held COMMAND` starts the pane
# held before COMMAND; `release` lets it run; `wait_output TEXT` returns
# once the output holds TEXT. Needs $WORK (a scratch folder).
start_held() {
    rm -f "$WORK/go" "$WORK/pane.out"
    mkfifo "$WORK/go"
    : > "$WORK/pane.out"
    tmux -S "$SOCK" -f /dev/null new-session -d -x 160 -y 50 -s m "read _ < $WORK/go; exec $1"
    tmux -S "$SOCK" pipe-pane -t m "cat >> $WORK/pane.out"
}
release() { echo > "$WORK/go"; }
# The output has no line ends (the screen is drawn with cursor moves), so
# it is cut at each escape character for grep, unbuffered.
wait_output() {
    rm -f "$WORK/out.fifo"
    mkfifo "$WORK/out.fifo"
    (
        timeout 600 tail -c +1 -f "$WORK/pane.out" &
        echo $! > "$WORK/tail.pid"
        wait
    ) | stdbuf -o0 tr '\033' '\n' > "$WORK/out.fifo" &
    grep -q -m1 -- "$1" < "$WORK/out.fifo" || { echo "timed out waiting for '$1'" >&2; exit 1; }
    kill "$(cat "$WORK/tail.pid")" 2>/dev/null || true
}
