#!/usr/bin/env bash
# Usage: setsid watchdog.sh OWNER_PID COMMAND [ARG...]
#
# Runs COMMAND and ties the life of its whole process group to OWNER_PID (the JVM that started it). Started
# through setsid, this script leads a new process group, so COMMAND and everything it spawns (kc.sh forks the
# Keycloak JVM) share one group id, equal to this script's pid. The owner stops the group with one signal; and
# when the owner dies without doing so (SIGKILL, crash), the watchdog notices within a second and stops the
# group itself, so no server outlives the tests or the demo that started it.
set -u
owner=$1
shift

"$@" &
child=$!

# A TERM/INT from the owner reaches the whole group; here it only has to not end the watchdog before its child.
trap 'kill -TERM "$child" 2>/dev/null' TERM INT

while kill -0 "$child" 2>/dev/null; do
  if ! kill -0 "$owner" 2>/dev/null; then
    trap '' TERM INT
    echo "watchdog: process $owner is gone; stopping process group $$" >&2
    kill -TERM -- "-$$" 2>/dev/null
    for _ in $(seq 1 30); do
      kill -0 "$child" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-$$" 2>/dev/null
    exit 137
  fi
  sleep 1
done

wait "$child"
exit $?
