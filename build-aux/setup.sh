#!/bin/sh
# setup.sh: install what a Debian or Ubuntu machine is missing to build and
# test werkbezoek, then configure and build it.
#
#   sh build-aux/setup.sh             install, configure, build
#   sh build-aux/setup.sh --deps      only install the packages
#
# Uses apt-get (non-interactive), with sudo only when not root.  Packages
# already installed are left alone.
set -e
cd "$(dirname "$0")/.."

PACKAGES="build-essential autoconf automake pkg-config libncurses-dev \
libxml2-dev libpcre2-dev libxml2-utils tmux python3 less xz-utils time \
openssh-server openssh-client"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done
if [ -n "$missing" ]; then
	echo "setup: installing$missing"
	if [ "$(id -u)" -eq 0 ]; then
		SUDO=""
	else
		SUDO="sudo"
	fi
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi
[ "${1:-}" = "--deps" ] && exit 0

[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure
make -j"$(nproc 2>/dev/null || echo 2)"
