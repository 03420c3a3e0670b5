#!/usr/bin/env bash
# The Bantin demo: controller with its embedded database, seeded with a province, a commune,
# one LED screen and one loudspeaker cluster, plus the two local agents playing through real mpv, and a stand-in
# provincial station (its own Icecast2, fed by ffmpeg) that the loudspeaker relays on schedule.
# Ctrl-C stops everything; running it again reuses ./var/demo.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-8080}
# HOST=0.0.0.0 lets a phone on the same network open the demo (the address to type is printed below)
HOST=${HOST:-127.0.0.1}
BASE="http://$([ "$HOST" = 0.0.0.0 ] && echo 127.0.0.1 || echo "$HOST"):$PORT"
DATA=${BANTIN_DATA_DIR:-$ROOT/var/demo}

ops/require-packages.sh

echo "==> Building controller and agent (first time takes a minute)"
mvn -B -q -DskipTests package
mvn -B -q -DskipTests -f players/agent/pom.xml package

mkdir -p "$DATA/agents"
TOKEN_FILE="$DATA/demo-admin.token"
if [ ! -s "$TOKEN_FILE" ]; then
  # a random token for this demo install only; production installs make their first admin with the setup token
  (umask 077; head -c 32 /dev/urandom | base64 | tr -d '=+/\n' > "$TOKEN_FILE")
fi
# the token stays in files: never in a command line (ps), the environment or a URL
HEADER_FILE="$DATA/demo-admin.header"
[ -s "$HEADER_FILE" ] || { (umask 077; printf 'Authorization: Bearer %s\n' "$(cat "$TOKEN_FILE")" > "$HEADER_FILE"); }

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "==> Stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup INT TERM EXIT

echo "==> Starting controller on $BASE (log: $DATA/controller.log)"
# transport: the demo is a lab, plain HTTP said so explicitly (the controller and agents log a loud warning) so
# a newcomer's browser opens it with no certificate warning; production sets tls.cert.file and tls.key.file
# live microphone: the controller runs its own Icecast2 (generated passwords in $DATA/icecast) on ICECAST_PORT,
# reachable from the LAN when the demo is (HOST=0.0.0.0), so phones' speech reaches agents anywhere on it
ICECAST_PORT=${ICECAST_PORT:-$((PORT + 1000))}
ICECAST_URL=""
[ "$HOST" != 127.0.0.1 ] && ICECAST_URL="http://$([ "$HOST" = 0.0.0.0 ] && hostname -I | awk '{print $1}' || echo "$HOST"):$ICECAST_PORT"
BANTIN_DATA_DIR="$DATA" BANTIN_HTTP_PORT="$PORT" BANTIN_HTTP_HOST="$HOST" BANTIN_ADMIN_TOKEN_FILE="$TOKEN_FILE" \
  BANTIN_ICECAST_HOST="$HOST" BANTIN_ICECAST_PORT="$ICECAST_PORT" BANTIN_ICECAST_PUBLIC_URL="$ICECAST_URL" \
  BANTIN_HTTP_PLAIN=true java -jar target/bantin-controller.jar > "$DATA/controller.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fsS "$BASE/api/v1/health" >/dev/null 2>&1 && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "Controller failed to start:"; tail -20 "$DATA/controller.log"; exit 1; }
  sleep 0.5
done

# the stand-in provincial station the loudspeaker relays: its own Icecast2 on loopback, fed by ffmpeg looping a
# spoken programme; without icecast2 the demo runs without it (and seeds no relay)
STATION_PORT=${STATION_PORT:-$((PORT + 1001))}
STATION_URL=""
if command -v icecast2 >/dev/null; then
  echo "==> Starting the stand-in provincial station on 127.0.0.1:$STATION_PORT (log: $DATA/station.log)"
  rm -f "$DATA/station/url"
  java -cp "target/bantin-controller.jar:target/lib/*" vn.bantin.demo.DemoStation "$DATA/station" "$STATION_PORT" \
    media/demo/dai-tinh-mo-phong.mp3 > "$DATA/station.log" 2>&1 &
  station_pid=$!
  pids+=("$station_pid")
  for _ in $(seq 1 60); do
    [ -s "$DATA/station/url" ] && break
    kill -0 "$station_pid" 2>/dev/null || break
    sleep 0.5
  done
  STATION_URL=$(cat "$DATA/station/url" 2>/dev/null || true)
  [ -n "$STATION_URL" ] || echo "note: the stand-in station did not come up (see $DATA/station.log); skipping the relay"
else
  echo "note: icecast2 is not installed: skipping the stand-in provincial station and its relay"
fi

echo "==> Seeding demo data"
# NEW_PASSWORDS=1: the demo people get new passwords, printed once (the first start's are shown only then)
java -cp "target/bantin-controller.jar:target/lib/*" vn.bantin.demo.DemoSeeder "$BASE" "$TOKEN_FILE" media/demo "$DATA/agents" \
  ${NEW_PASSWORDS:+--new-passwords} ${STATION_URL:+--station-url "$STATION_URL"}

MPV_ARGS="--vo=null"
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && MPV_ARGS="--fullscreen=no --geometry=640x360"
if [ ! -e /dev/snd ] && [ -z "${PULSE_SERVER:-}" ] && [ ! -S "/run/user/$(id -u)/pulse/native" ]; then
  MPV_ARGS="$MPV_ARGS --ao=null"
fi

start_agent() {
  local name=$1 kind=$2
  local state="$DATA/agents/$name"
  mkdir -p "$state"
  cat > "$DATA/agents/$name.properties" <<PROPS
controller.url=$BASE
state.dir=$state
kind=$kind
name=$name
enrollment.code=$(cat "$DATA/agents/$name.code" 2>/dev/null || true)
controller.key.fingerprint=$(cat "$DATA/agents/controller.fingerprint" 2>/dev/null || true)
controller.plain.http=true
mpv.args=$MPV_ARGS
# a demo reports its facts every minute (30 min by default in the field), so the endpoint page fills in soon
heartbeat.seconds=60
PROPS
  echo "==> Starting $kind agent '$name' (log: $DATA/agents/$name.log)"
  java @players/agent/jvm.options \
    -jar players/agent/target/bantin-agent.jar --config "$DATA/agents/$name.properties" \
    > "$DATA/agents/$name.log" 2>&1 &
  pids+=($!)
}
start_agent screen SCREEN
start_agent speaker SPEAKER

WEB=$BASE
if [ "$HOST" != 127.0.0.1 ] && [ "$HOST" != localhost ]; then
  LAN=$HOST
  [ "$HOST" = 0.0.0.0 ] && LAN=$(hostname -I 2>/dev/null | awk '{print $1}')
  WEB="http://${LAN:-$HOST}:$PORT"
fi
RELAY_NOTE=""
[ -n "$STATION_URL" ] && RELAY_NOTE=' The loudspeaker also relays the stand-in station (the dashboard shows
"Tiếp sóng: Đài tỉnh (mô phỏng)") for 3 minutes soon after the first start, then hourly, at the times printed above.'
cat <<MSG

Bantin demo is running.
  Sign in:       $WEB/  with a demo user printed above (at the first start only: NEW_PASSWORDS=1 ops/demo.sh prints
                 new ones; to start over, remove $DATA)
  API:           curl -H @$HEADER_FILE $BASE/api/v1/endpoints
  OpenAPI:       $BASE/api/v1/openapi.json
  Report (CSV):  curl -H @$HEADER_FILE "$BASE/api/v1/reports?period=today&format=csv"
  Admin token:   in $TOKEN_FILE (full-scope ADMIN, for scripts; never pass it on a command line)
  Logs:          $DATA/controller.log, $DATA/agents/*.log
The loudspeaker plays the Resolution 57 bulletins within a minute of the first start, then every 5 minutes; the screen loops
its video and infographic.$RELAY_NOTE Press Ctrl-C to stop.
MSG
wait "${pids[0]}"
