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
