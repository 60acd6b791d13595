# Shared settings for the project's scripts. Source it; it changes nothing on disk.
# Everything the product runs lives under one project-local folder, $NOM_HOME.
NOM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NOM_ROOT
export NOM_HOME="${NOM_HOME:-$NOM_ROOT/.local}"
export NOM_VENV="$NOM_HOME/venv"
# The server's state (database, cache, uploads, logs, secrets); the tests use their own.
export NOM_STATE="$(realpath -m "${NOM_STATE:-$NOM_HOME/server}")"
export NOM_LOGS="$NOM_STATE/logs"
export NOM_RUN="$NOM_STATE/run"
# Loopback ports; override to run two copies side by side.
export NOM_PG_PORT="${NOM_PG_PORT:-54329}"
export NOM_REDIS_PORT="${NOM_REDIS_PORT:-63799}"
export NOM_WEB_PORT="${NOM_WEB_PORT:-8089}"
# unoserver (PDF conversion): its XML-RPC port and LibreOffice's own, always derived from the
# web port (never inherited, so a copy started with another NOM_WEB_PORT gets its own).
export NOM_UNO_PORT="$((NOM_WEB_PORT + 1000))"
export NOM_UNO_OFFICE_PORT="$((NOM_WEB_PORT + 2000))"
# NOM_DEBUG=True shows YAML source and tracebacks on screens (development only).
export NOM_DEBUG="${NOM_DEBUG:-False}"
export NOM_URL="http://127.0.0.1:$NOM_WEB_PORT"
export NOM_INTERVIEW="docassemble.notonemore:data/questions/main.yml"
# What every docassemble process needs.
export DA_CONFIG_FILE="$NOM_STATE/config/config.yml"
export DA_ROOT="$NOM_STATE/da"
export NLTK_DATA="$NOM_HOME/nltk_data"
export LOCPATH="$NOM_HOME/locale"
export LANG=C.UTF-8
export NOM_USER_HOME="${NOM_USER_HOME:-$HOME}"
export PIP_CACHE_DIR="${PIP_CACHE_DIR:-$NOM_USER_HOME/.cache/pip}"
export npm_config_cache="${npm_config_cache:-$NOM_USER_HOME/.npm}"
# git keeps reading the real user's settings
if [ -f "$NOM_USER_HOME/.gitconfig" ]; then export GIT_CONFIG_GLOBAL="${GIT_CONFIG_GLOBAL:-$NOM_USER_HOME/.gitconfig}"; fi
export HOME="$NOM_HOME/home"
export TMPDIR="$NOM_HOME/tmp"
export PATH="$NOM_VENV/bin:$PATH"
export PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
# PostgreSQL refuses to run as root. As root, the cluster runs in a user namespace where root's own
# files look like the postgres user's, so its data stays in $NOM_STATE/pgdata however closed the
# folders above it are (a clone in /root, mode 700, or in `mktemp -d`). A cluster made before this
# (owned by the postgres user) keeps running as that user. nom_db_mode prints how: self (not root),
# userns, postgres, or none (root, no user namespace, and the postgres user cannot reach the folder).
# NOM_DB_USERNS=no makes a new cluster run as the postgres user (its folders then must be open to it).
nom_db_mode() {  # pgdata
  if [ "$(id -u)" -ne 0 ]; then echo self
  elif [ -s "$1/PG_VERSION" ] && [ "$(stat -c %U "$1")" = postgres ]; then echo postgres
  elif [ "${NOM_DB_USERNS:-yes}" != no ] && id -u postgres >/dev/null 2>&1 && unshare --user --map-user="$(id -u postgres)" --map-group="$(id -g postgres)" -- true 2>/dev/null; then echo userns
  elif id -u postgres >/dev/null 2>&1 && runuser -u postgres -- test -x "$(dirname "$(dirname "$1")")" 2>/dev/null; then echo postgres
  else echo none
  fi
}
as_db_user() {  # command...: run it as nom_db_mode said ($NOM_DB_MODE)
  case "${NOM_DB_MODE:?}" in
    self) "$@" ;;
    userns) unshare --user --map-user="$(id -u postgres)" --map-group="$(id -g postgres)" -- "$@" ;;
    postgres) runuser -u postgres -- "$@" ;;
    *) echo "as_db_user: no way to run PostgreSQL ($NOM_DB_MODE)" >&2; return 1 ;;
  esac
}
