#!/usr/bin/env bash
# Install what the product and its tests need, once. A second run only checks.
#   apt packages (when missing) -> .local/venv (pinned) -> this package (editable)
#   -> offline NLTK corpora -> locales under .local/locale
set -Eeuo pipefail
# A command that fails without a word still says where setup stopped (as in serve.sh).
trap 'echo "setup: stopped at line $LINENO (exit $?): $BASH_COMMAND" >&2' ERR
source "$(dirname "$0")/env.sh"
mkdir -p "$NOM_HOME" "$NOM_LOGS" "$HOME" "$TMPDIR"

fail() {  # reason log: say why setup stops and what the log says, then stop
  echo "setup: $1; the last lines of $2:" >&2
  tail -n 15 "$2" 2>/dev/null | sed 's/^/  | /' >&2 || true
  exit 1
}

APT_PACKAGES=(
  python3-venv python3-dev gcc            # the virtualenv; python-ldap and netifaces compile
  libldap2-dev libsasl2-dev libzbar0      # docassemble.webapp's native needs
  postgresql redis-server                 # the real database and cache, run on loopback
  libreoffice-writer-nogui fonts-dejavu-core   # DOCX -> PDF
  python3-uno                             # LibreOffice's Python bridge, for the unoserver converter
  libreoffice-calc-nogui                  # tests open the targets' CSV in a spreadsheet
  wordnet-base wordnet-sense-index        # NLTK's WordNet, offline
  locales                                 # locale sources for localedef
  pandoc                                  # docassemble enables LibreOffice only when pandoc is on PATH
  poppler-utils                           # pdftotext / pdfinfo / pdftoppm in tests
  chromium                                # the browser the end-to-end tests drive
  faketime                                # tests/interview/test_any_day.py moves the clock 45 days on
  nginx                                   # tests/e2e/test_two_servers.py: the load balancer before two app servers
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: need root for apt-get; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  apt-get update -qq >"$NOM_HOME/apt.log" 2>&1 || fail "apt-get update failed" "$NOM_HOME/apt.log"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >>"$NOM_HOME/apt.log" 2>&1 \
    || fail "apt-get install failed (another install holding the lock? wait and run it again)" "$NOM_HOME/apt.log"
fi

# Python: the venv, pinned requirements, then this package in editable mode.
if [ ! -x "$NOM_VENV/bin/python" ]; then
  echo "setup: creating $NOM_VENV"
  python3 -m venv "$NOM_VENV" >>"$NOM_HOME/pip.log" 2>&1 || fail "creating the virtualenv failed" "$NOM_HOME/pip.log"
  "$NOM_VENV/bin/pip" install -q --upgrade pip wheel setuptools >>"$NOM_HOME/pip.log" 2>&1 \
    || fail "upgrading pip failed" "$NOM_HOME/pip.log"
fi
req_stamp="$NOM_HOME/.requirements.sha"
req_sha=$(cat "$NOM_ROOT/requirements-dev.txt" "$NOM_ROOT/setup.py" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$req_stamp" 2>/dev/null)" != "$req_sha" ]; then
  echo "setup: installing Python packages (a few minutes the first time; log: $NOM_HOME/pip.log)"
  "$NOM_VENV/bin/pip" install -r "$NOM_ROOT/requirements-dev.txt" >>"$NOM_HOME/pip.log" 2>&1 \
    || fail "pip failed" "$NOM_HOME/pip.log"
  "$NOM_VENV/bin/pip" install --no-deps -e "$NOM_ROOT" >>"$NOM_HOME/pip.log" 2>&1 \
    || fail "installing the package failed" "$NOM_HOME/pip.log"
  echo "$req_sha" >"$req_stamp"
fi

# unoserver keeps one LibreOffice running for PDF conversion (Debian's python3 has its uno module).
UNOSERVER_VERSION=3.7
if [ ! -f "$NOM_HOME/unoserver/unoserver-$UNOSERVER_VERSION.dist-info/METADATA" ]; then
  rm -rf "$NOM_HOME/unoserver"
  "$NOM_VENV/bin/pip" install -q --no-deps --target "$NOM_HOME/unoserver" "unoserver==$UNOSERVER_VERSION" >>"$NOM_HOME/pip.log" 2>&1 \
    || fail "installing unoserver failed" "$NOM_HOME/pip.log"
fi

# NLTK corpora built from Debian's WordNet (docassemble would try to download them).
if [ ! -f "$NLTK_DATA/corpora/omw-1.4.zip" ]; then
  "$NOM_VENV/bin/python" "$NOM_ROOT/scripts/build_nltk_data.py" "$NLTK_DATA" >"$NOM_HOME/nltk.log" 2>&1 \
    || fail "building the NLTK corpora from Debian's WordNet failed" "$NOM_HOME/nltk.log"
fi

# Locales in a project folder (LOCPATH), none in system config.
for loc in en_US es_US es_MX; do
  if [ ! -d "$LOCPATH/$loc.UTF-8" ]; then
    mkdir -p "$LOCPATH"
    localedef -i "$loc" -f UTF-8 "$LOCPATH/$loc.UTF-8" >"$NOM_HOME/localedef.log" 2>&1 \
      || fail "making the $loc locale failed" "$NOM_HOME/localedef.log"
  fi
  ln -sfn "$loc.UTF-8" "$LOCPATH/$loc.utf8"
done
