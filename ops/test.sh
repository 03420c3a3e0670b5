#!/usr/bin/env bash
# Runs every test of the agent and the controller. The controller's end-to-end tests start the
# real agent jar, so the agent is built (and its own tests run) first.
set -euo pipefail
cd "$(dirname "$0")/.."

ops/require-packages.sh
mvn -B -q -f players/agent/pom.xml package
mvn -B verify "$@"
