#!/usr/bin/env bash
# kill -9 of the application during a running evaluation campaign, restarted each time (issue 20 item 3):
#   reliability/crash-drill.sh [h2|postgres] [agreements=3000] [kills=3] [campaign|timers]
# timers: N violation cases waiting on their document deadline (R-VIO-7), the deadlines made due, kill -9 while
# they fire (TimerDrill); with JAVA_TOOL_OPTIONS=-Ddrill.nodes=2 (postgres) two nodes, the killed one stays dead.
# Exits non-zero when an evaluation is missing or doubled, a timer did not fire or fired twice, a side effect is
# missing or doubled, a job ran out of retries or an incident is open.
# postgres: drops and creates YIBAO_DB_NAME (default yibaoflow_drill) owned by YIBAO_DB_USER (default yibaoflow);
# the role must exist (.ci/run creates it). Figures: docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-h2}; N=${2:-3000}; KILLS=${3:-3}; WORKLOAD=${4:-campaign}
JAVA_TOOL_OPTIONS="-Ddrill.db=$DB -Ddrill.agreements=$N -Ddrill.kills=$KILLS -Ddrill.workload=$WORKLOAD ${JAVA_TOOL_OPTIONS:-}" \
  ./mvnw -B -q -Pbenchmark -DskipTests test -Dbenchmark.main=org.yibaoflow.reliability.CrashDrill
