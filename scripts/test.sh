#!/usr/bin/env bash
# Run every test: unit, interview (in-process) and end-to-end (real server, REST API, Chromium).
# Installs what is missing first, like serve.sh; the end-to-end tests start and stop their
# own server (state in .local/test-server, ports 54339/63809/8099).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$NOM_ROOT/scripts/setup.sh"

# docassemble's YAML linter needs Python >= 3.12; use one if the machine has it.
lint_python=""
for candidate in python3.13 python3.12; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null; then
    lint_python=$(command -v "$candidate"); break
  fi
done
if [ -z "$lint_python" ] && command -v pyenv >/dev/null 2>&1; then
  version=$(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])\.' | sort -V | tail -n 1 || true)
  [ -n "$version" ] && lint_python="$(pyenv root)/versions/$version/bin/python"
fi
LINT_VENV="$NOM_HOME/lint-venv"
if [ -n "$lint_python" ]; then
  if [ ! -x "$LINT_VENV/bin/dayamlchecker" ]; then
    "$lint_python" -m venv "$LINT_VENV"
    "$LINT_VENV/bin/pip" install -q dayamlchecker==1.7.0 >>"$NOM_HOME/pip.log" 2>&1
  fi
  export NOM_DAYAMLCHECKER="$LINT_VENV/bin/dayamlchecker"
else
  echo "test: dayamlchecker not run: no Python >= 3.12 on this machine"
fi

cd "$NOM_ROOT"
exec python -m pytest tests --require-depths "$@"
