#!/usr/bin/env bash
# Start the product: PostgreSQL and Redis on loopback, then docassemble under gunicorn.
# Everything lives under .local/; a second run starts only what is not running.
set -Eeuo pipefail
# A command that fails without a word (set -e) still says where serve stopped. Its message goes
# where the failing line's stderr goes: so no function call here has its output redirected
# (`f >log 2>&1` would send this message into that log); `logged` below redirects only commands.
trap 'echo "serve: stopped at line $LINENO (exit $?): $BASH_COMMAND" >&2' ERR
source "$(dirname "$0")/env.sh"
"$NOM_ROOT/scripts/setup.sh"

CONF_DIR="$NOM_STATE/config"
PGDATA="$NOM_STATE/pgdata"
mkdir -p "$CONF_DIR" "$NOM_RUN" "$NOM_LOGS" "$DA_ROOT"/{files,webapp,cache,certs,certs-installed,log} \
  "$HOME/.config/libreoffice/4/user/basic/Standard"

fail() {  # reason [log]: say why serve stops and what the log says, then stop
  echo "serve: $1" >&2
  if [ -n "${2:-}" ]; then
    echo "serve: the last lines of $2:" >&2
    tail -n 15 "$2" 2>/dev/null | sed 's/^/  | /' >&2 || true
  fi
  exit 1
}
logged() {  # what log command...: run command with its output in log; on failure, say so and stop
  local what=$1 log=$2; shift 2
  "$@" >"$log" 2>&1 || fail "$what failed (exit $?)" "$log"
}

# Secrets are made once and kept (mode 600) so sessions stay readable across restarts.
secret() {
  local file="$CONF_DIR/$1"
  [ -s "$file" ] || (umask 077; "$NOM_VENV/bin/python" -c "import secrets,string; a=string.ascii_letters+string.digits; print(''.join(secrets.choice(a) for _ in range($2)))" >"$file")
  cat "$file"
}
DB_PASSWORD=$(secret db_password 24)
SECRET_KEY=$(secret secretkey 32)
export DA_ADMIN_API_KEY=$(secret admin_api_key 32)
export DA_ADMIN_PASSWORD=$(secret admin_password 16)
export DA_ADMIN_EMAIL=admin@example.com

# --- PostgreSQL ------------------------------------------------------------------
NOM_DB_MODE=$(nom_db_mode "$PGDATA")
if [ "$NOM_DB_MODE" = none ]; then
  closed="$NOM_STATE"; dir="$NOM_STATE"
  while [ "$dir" != / ]; do   # the topmost folder the postgres user cannot enter
    dir=$(dirname "$dir")
    runuser -u postgres -- test -x "$dir" 2>/dev/null || closed=$dir
  done
  why="no user namespace can be made here"; [ "${NOM_DB_USERNS:-yes}" = no ] && why="NOM_DB_USERNS=no"
  fail "PostgreSQL cannot keep its data in $PGDATA: as root it must run as the postgres user, who cannot enter $closed ($(stat -c '%A %U' "$closed" 2>/dev/null || echo 'no postgres user')), and $why; clone the project (or set NOM_STATE) under a folder every user may enter, e.g. NOM_STATE=/var/tmp/notonemore make serve."
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  echo "serve: creating the PostgreSQL cluster in $PGDATA"
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"
  pwfile="$CONF_DIR/.pgpw"; (umask 077; echo "$DB_PASSWORD" >"$pwfile")
  if [ "$NOM_DB_MODE" = postgres ]; then chown postgres "$PGDATA" "$pwfile"; chmod 711 "$NOM_STATE" "$CONF_DIR"; fi
  logged "creating the PostgreSQL cluster (initdb)" "$NOM_LOGS/initdb.log" \
    as_db_user "$PGBIN/initdb" -D "$PGDATA" -U docassemble --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C
  rm -f "$pwfile"
fi
if ! as_db_user "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  touch "$NOM_LOGS/postgresql.log"
  if [ "$NOM_DB_MODE" = postgres ]; then chown postgres "$NOM_LOGS/postgresql.log"; chmod 711 "$NOM_LOGS"; fi
  as_db_user "$PGBIN/pg_ctl" -D "$PGDATA" -l "$NOM_LOGS/postgresql.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $NOM_PG_PORT -k $PGDATA" start >"$NOM_RUN/pg_ctl.out" 2>&1 \
    || fail "PostgreSQL did not start on port $NOM_PG_PORT ($(tail -n 1 "$NOM_RUN/pg_ctl.out"))" "$NOM_LOGS/postgresql.log"
fi
if ! as_db_user "$PGBIN/psql" -h "$PGDATA" -p "$NOM_PG_PORT" -U docassemble -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='docassemble'" 2>"$NOM_RUN/psql.err" | grep -q 1; then
  [ ! -s "$NOM_RUN/psql.err" ] || fail "cannot ask PostgreSQL for the database: $(tail -n 1 "$NOM_RUN/psql.err")" "$NOM_LOGS/postgresql.log"
  logged "creating the database (createdb)" "$NOM_LOGS/createdb.log" \
    as_db_user "$PGBIN/createdb" -h "$PGDATA" -p "$NOM_PG_PORT" -U docassemble docassemble
fi

# --- Redis -----------------------------------------------------------------------
mkdir -p "$NOM_STATE/redis"
if ! redis-cli -p "$NOM_REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --bind 127.0.0.1 --port "$NOM_REDIS_PORT" --dir "$NOM_STATE/redis" \
    --daemonize yes --pidfile "$NOM_RUN/redis.pid" --logfile "$NOM_LOGS/redis.log" --appendonly yes --save "300 1"
  for _ in $(seq 50); do redis-cli -p "$NOM_REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$NOM_REDIS_PORT" ping >/dev/null 2>&1 || fail "Redis did not answer on port $NOM_REDIS_PORT" "$NOM_LOGS/redis.log"
fi

# --- unoserver: one LibreOffice kept running, conversions queued -----------------
# docassemble's own LibreOffice call starts a new office per PDF (about 1.3 s) and guards it
# with a 4-second lock that breaks under load; unoserver converts in about 0.4 s, one at a time.
UNOCONVERT="$NOM_RUN/unoconvert"
cat >"$UNOCONVERT" <<SH
#!/bin/sh
# docassemble's "unoconvert path": the unoserver client, pointed at this instance's port.
# It fails at once when nothing listens there (the client itself would wait 40 s a try), so the
# documents screen can say that the PDFs are missing while the DOCX files are ready.
exec env PYTHONPATH="$NOM_HOME/unoserver" /usr/bin/python3 -c '
import socket, sys
try:
    socket.create_connection(("127.0.0.1", $NOM_UNO_PORT), timeout=2).close()
except OSError as err:
    sys.exit("unoconvert: no unoserver on port $NOM_UNO_PORT: %s" % err)
from unoserver.client import converter_main
sys.exit(converter_main())' --host 127.0.0.1 --port $NOM_UNO_PORT "\$@"
SH
chmod +x "$UNOCONVERT"
unopid="$NOM_RUN/unoserver.pid"
if ! { [ -f "$unopid" ] && kill -0 "$(cat "$unopid")" 2>/dev/null; }; then
  # scripts/converter.sh starts unoserver and starts it again whenever it stops (LibreOffice crashed,
  # killed); in a process group of its own (setsid), which `make stop` stops whole.
  : >"$NOM_LOGS/unoserver.log"
  setsid "$NOM_ROOT/scripts/converter.sh" >/dev/null 2>&1 </dev/null &
  echo $! >"$unopid"
  # up to 90 s: LibreOffice starts slowly on a loaded machine
  for _ in $(seq 360); do grep -q "Started" "$NOM_LOGS/unoserver.log" 2>/dev/null && break; sleep 0.25; done
  if ! grep -q "Started" "$NOM_LOGS/unoserver.log"; then
    kill -9 -- "-$(cat "$unopid")" 2>/dev/null; rm -f "$unopid"   # the loop and the LibreOffice it may have started
    fail "unoserver (LibreOffice) did not start on port $NOM_UNO_PORT" "$NOM_LOGS/unoserver.log"
  fi
fi

# --- docassemble's configuration -------------------------------------------------
cat >"$DA_CONFIG_FILE.new" <<YAML
# Written by scripts/serve.sh on each start; edit that script, not this file.
debug: ${NOM_DEBUG:-False}
secretkey: $SECRET_KEY
url root: $NOM_URL
default interview: $NOM_INTERVIEW
db:
  prefix: postgresql+psycopg2://
  name: docassemble
  user: docassemble
  password: $DB_PASSWORD
  host: 127.0.0.1
  port: $NOM_PG_PORT
redis: redis://127.0.0.1:$NOM_REDIS_PORT
rabbitmq: redis://127.0.0.1:$NOM_REDIS_PORT/9
packages: $NOM_VENV
uploads: $DA_ROOT/files
log: $NOM_LOGS/docassemble
webapp: $DA_ROOT/webapp/docassemble.wsgi
version file: $DA_ROOT/webapp/VERSION
ready file: $DA_ROOT/webapp/ready
packagecache: $DA_ROOT/cache
pypirc path: $DA_ROOT/pypirc
flask log: $NOM_LOGS/flask.log
celery flask log: $NOM_LOGS/celery-flask.log
web server certificate directory: $DA_ROOT/certs
cert install directory: $DA_ROOT/certs-installed
libreoffice macro file: $HOME/.config/libreoffice/4/user/basic/Standard/Module1.xba
# uploads up to 60 MB reach the interview, which refuses files over 20 MB with a message
maximum content length: 62914560
enable unoconv: True
unoconvert path: $UNOCONVERT
allow demo: True
enable playground: False
YAML
(umask 077; mv "$DA_CONFIG_FILE.new" "$DA_CONFIG_FILE")
mkdir -p "$NOM_LOGS/docassemble"
[ -f "$DA_ROOT/webapp/docassemble.wsgi" ] || : >"$DA_ROOT/webapp/docassemble.wsgi"

# --- tables, once ----------------------------------------------------------------
if [ ! -f "$NOM_STATE/.tables-created" ]; then
  echo "serve: creating docassemble's tables (log: $NOM_LOGS/create_tables.log)"
  logged "creating docassemble's tables" "$NOM_LOGS/create_tables.log" python -m docassemble.webapp.create_tables
  touch "$NOM_STATE/.tables-created"
fi
# the package's privilege (attorney) and per-user file access (privileges.py), once per state folder
if [ ! -f "$NOM_STATE/.privileges-2" ]; then
  logged "creating the attorney privilege" "$NOM_LOGS/privileges.log" python -m docassemble.notonemore.privileges
  rm -f "$NOM_STATE/.privileges-created"
  touch "$NOM_STATE/.privileges-2"
fi

# --- the web app -----------------------------------------------------------------
pidfile="$NOM_RUN/gunicorn.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "serve: docassemble already running (pid $(cat "$pidfile"))"
else
  # Every option as --name=value: docassemble reads the first existing *file* named
  # on the command line as its config.yml, so no path may stand alone here.
  # One worker process per core (NOM_WEB_WORKERS to change it), six threads each as docassemble's
  # own uwsgi runs; docassemble keeps each session's lock in Redis, so two processes never write
  # one session at once.
  gunicorn --bind=127.0.0.1:$NOM_WEB_PORT --workers="${NOM_WEB_WORKERS:-$(nproc)}" --threads=6 --timeout=120 \
    --pid="$pidfile" --daemon --chdir="$NOM_STATE" \
    --access-logfile="$NOM_LOGS/access.log" --error-logfile="$NOM_LOGS/gunicorn.log" \
    docassemble.webapp.run:application
  ok=""
  for _ in $(seq 240); do
    if curl -fsS -o /dev/null "$NOM_URL/health_check" 2>/dev/null; then ok=1; break; fi
    sleep 0.5
  done
  [ -n "$ok" ] || fail "docassemble did not answer at $NOM_URL/health_check within 120 s" "$NOM_LOGS/gunicorn.log"
fi

cat <<MSG
serve: the interview is at $NOM_URL/interview?i=$NOM_INTERVIEW
serve: admin API key in $CONF_DIR/admin_api_key (user $DA_ADMIN_EMAIL, password in $CONF_DIR/admin_password)
serve: logs in $NOM_LOGS (gunicorn.log, docassemble/, postgresql.log, redis.log); stop with: make stop
MSG
