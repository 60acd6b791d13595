#!/usr/bin/env bash
# Stop exactly what serve.sh started, by PID; leaves data in place.
set -uo pipefail
source "$(dirname "$0")/env.sh"
PGDATA="$NOM_STATE/pgdata"

stop_pid() {  # name pidfile
  local pidfile=$2 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "stop: $1 stopped (pid $pid)"
  fi
  rm -f "$pidfile"
}
stop_pid docassemble "$NOM_RUN/gunicorn.pid"
# the converter was started in its own process group (setsid): stop its loop, unoserver and LibreOffice together.
if [ -f "$NOM_RUN/unoserver.pid" ]; then
  unopid=$(cat "$NOM_RUN/unoserver.pid")
  if kill -0 "$unopid" 2>/dev/null; then
    # the loop (scripts/converter.sh) stops at once; unoserver and LibreOffice may take a while,
    # or wait for each other for good: wait for the whole group, then stop what is left of it
    kill -- "-$unopid" 2>/dev/null || kill "$unopid"
    for _ in $(seq 100); do pgrep -g "$unopid" >/dev/null || break; sleep 0.1; done
    pgrep -g "$unopid" >/dev/null && kill -9 -- "-$unopid" 2>/dev/null
    echo "stop: unoserver stopped (pid $unopid)"
  fi
  rm -f "$NOM_RUN/unoserver.pid"
fi
stop_pid redis "$NOM_RUN/redis.pid"
if [ -s "$PGDATA/postmaster.pid" ]; then
  NOM_DB_MODE=$(nom_db_mode "$PGDATA")   # as serve.sh ran it (scripts/env.sh)
  if as_db_user "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null; then
    echo "stop: postgresql stopped"
  else  # e.g. no user namespace any more: stop this cluster's postmaster by its pid (SIGINT: pg_ctl's fast mode)
    pgpid=$(head -n 1 "$PGDATA/postmaster.pid")
    if tr '\0' ' ' <"/proc/$pgpid/cmdline" 2>/dev/null | grep -qF -- "-D $PGDATA " && kill -INT "$pgpid" 2>/dev/null; then
      for _ in $(seq 100); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
      echo "stop: postgresql stopped (pid $pgpid)"
    fi
  fi
fi
exit 0
