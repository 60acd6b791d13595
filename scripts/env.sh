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
