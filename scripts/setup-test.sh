#!/bin/sh
# npm run setup:test — installs what the integration and browser tests run besides Node.js and
# PostgreSQL: Debian's chromium (browser tests), dovecot-imapd (the IMAP intake tests start private
# Dovecots), redis-server (the multi-node tests start a private Redis) and nginx (the chaos run puts
# three nodes behind it, as deploy/nginx/ward.conf does). The tests start their own
# servers on free ports, so no service needs to run. Safe to run again: it installs only what is
# missing, and only as root with apt-get; otherwise it prints the command that would.
set -eu

missing=""
need() { # need BINARY PACKAGE
  [ -x "$1" ] || missing="$missing $2"
}
need "${WARD_CHROMIUM:-/usr/bin/chromium}" chromium
need "${WARD_DOVECOT:-/usr/sbin/dovecot}" dovecot-imapd
need "${WARD_REDIS_SERVER:-/usr/bin/redis-server}" redis-server
need "${WARD_NGINX:-/usr/sbin/nginx}" nginx

if [ -z "$missing" ]; then
  echo "setup:test: Chromium, Dovecot, Redis and nginx are installed"
  exit 0
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup:test: missing$missing. Install with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
  echo "(or point WARD_CHROMIUM, WARD_DOVECOT, WARD_REDIS_SERVER, WARD_NGINX at your own binaries)" >&2
  exit 1
fi

# The packages' own services are kept from starting while they install (policy-rc.d), so nothing
# holds ports 143 or 6379 on the tests' account; a policy-rc.d already there is left alone.
made_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  made_policy=1
fi
cleanup() { if [ "$made_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT

echo "setup:test: installing$missing"
apt-get update -qq
# shellcheck disable=SC2086 # one word per package
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
if [ -d /run/systemd/system ]; then
  case "$missing" in
    *dovecot-imapd*) systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true ;;
  esac
  case "$missing" in
    *nginx*) systemctl disable --now nginx.service >/dev/null 2>&1 || true ;;
  esac
fi
echo "setup:test: installed$missing"
