#!/usr/bin/env bash
# The PDF converter, kept running: unoserver (one LibreOffice, conversions queued), started again
# whenever it stops. serve.sh starts this loop in a process group of its own (setsid) and keeps its
# pid in run/unoserver.pid; `make stop` stops the whole group: this loop, unoserver, LibreOffice.
# unoserver exits when its LibreOffice dies; when unoserver itself is killed, the LibreOffice it
# leaves behind is stopped here, so that the next one can use the port and the profile.
set -uo pipefail
source "$(dirname "$0")/env.sh"
log="$NOM_LOGS/unoserver.log"
mkdir -p "$NOM_STATE/uno-home"
delay=1
while :; do
  started=$SECONDS
  HOME="$NOM_STATE/uno-home" PYTHONPATH="$NOM_HOME/unoserver" /usr/bin/python3 -m unoserver.server \
    --interface 127.0.0.1 --port "$NOM_UNO_PORT" --uno-port "$NOM_UNO_OFFICE_PORT" \
    --user-installation "$NOM_STATE/uno-home/profile" --libreoffice-pid-file "$NOM_RUN/libreoffice.pid" \
    >>"$log" 2>&1 </dev/null &
  echo $! >"$NOM_RUN/unoserver.child.pid"
  wait $!
  code=$?
  # what is left of it in this group (its LibreOffice, when unoserver was killed), but not this loop
  for pid in $(pgrep -g $$); do [ "$pid" = $$ ] || kill -9 "$pid" 2>/dev/null; done
  rm -f "$NOM_RUN/unoserver.child.pid" "$NOM_RUN/libreoffice.pid"
  # a converter that ran a minute or more comes back in a second; one that keeps failing, less often
  if [ $((SECONDS - started)) -ge 60 ]; then delay=1; fi
  echo "converter: unoserver stopped (exit $code) at $(date -u +%FT%TZ); starting it again in $delay s" >>"$log"
  sleep "$delay"
  delay=$((delay * 2 > 30 ? 30 : delay * 2))
done
