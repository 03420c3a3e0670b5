#!/usr/bin/env bash
# Makes sure the Debian packages Bantin runs on are present; installs them when it can.
#   ffmpeg/ffprobe: probing uploads, renditions, loudness, previews, demo media; mpv: the agent's player;
#   espeak-ng: Vietnamese text-to-speech (POST /api/v1/tts) and demo bulletins; sox: measuring audio in tests;
#   maven + a JDK 17: building; nodejs + npm: building the web UI (src/main/frontend); chromium: the web UI's
#   browser tests (driven by playwright-core from the UI's own npm packages, no browser download);
#   fonts-dejavu-core: a font with every Vietnamese letter, embedded in report PDFs; poppler-utils: pdftoppm,
#   drawing report PDFs as images in tests; postgresql: the evidence tests run the controller on a real
#   PostgreSQL server too (started by the test in a temporary directory, never as a system service);
#   systemd + passwd: checking the agent's .deb (unit, user creation).
#   openssl: the local CA and certificates of TLS tests.
#   icecast2: the streaming server live audio goes through (relayed stations in tests, the live microphone).
#   libsodium23: the controller verifies play-record signatures with libsodium (BouncyCastle, slower, without it).
set -euo pipefail

missing=()
command -v ffprobe >/dev/null || missing+=(ffmpeg)
command -v mpv >/dev/null || missing+=(mpv)
command -v espeak-ng >/dev/null || missing+=(espeak-ng)
command -v sox >/dev/null || missing+=(sox)
command -v mvn >/dev/null || missing+=(maven)
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v curl >/dev/null || missing+=(curl)
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
# systemd-analyze: checking the .deb's unit files in tests; useradd/usermod (passwd): its postinst in a scratch root
command -v systemd-analyze >/dev/null || missing+=(systemd)
command -v useradd >/dev/null || missing+=(passwd)
command -v openssl >/dev/null || missing+=(openssl)
command -v icecast2 >/dev/null || missing+=(icecast2)
compgen -G "/usr/lib/*-linux-gnu/libsodium.so.23" >/dev/null || missing+=(libsodium23)

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Bantin needs these Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Cannot install them without root. Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
