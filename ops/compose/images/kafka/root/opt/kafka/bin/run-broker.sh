#!/bin/bash
# Starts a KRaft broker the way apache/kafka does: every KAFKA_* variable is a server property
# (KAFKA_LOG_DIRS -> log.dirs; '___' -> '-', '__' -> '_', '_' -> '.'), CLUSTER_ID formats the storage
# on first start, KAFKA_HEAP_OPTS sizes the heap. Also /etc/kafka/docker/run, the official image's path
# (Testcontainers' KafkaContainer calls it). Without CLUSTER_ID or KAFKA_LOG_DIRS, the official image's
# defaults: a fixed id, and logs in /tmp (lost with the container: docker-compose.yml sets both).
set -euo pipefail
CLUSTER_ID=${CLUSTER_ID:-5L6g3nShT-eMCtK--X86sw}
export KAFKA_LOG_DIRS=${KAFKA_LOG_DIRS:-/tmp/kraft-combined-logs}
config=/tmp/server.properties
: > "$config"
for var in $(compgen -e); do
  case "$var" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_LOG4J_OPTS|KAFKA_GC_LOG_OPTS|KAFKA_JMX_OPTS) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  name="${var#KAFKA_}"
  name="${name,,}"
  name="${name//___/-}"
  name="${name//__/@}"
  name="${name//_/.}"
  name="${name//@/_}"
  printf '%s=%s\n' "$name" "${!var}" >> "$config"
done
log_dirs=$KAFKA_LOG_DIRS
if [ ! -f "${log_dirs%%,*}/meta.properties" ]; then
  java -Xmx256m -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties -cp '/opt/kafka/libs/*' \
    kafka.tools.StorageTool format --ignore-formatted -t "$CLUSTER_ID" -c "$config"
fi
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xms512m -Xmx512m} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties ${KAFKA_OPTS:-} \
  -cp '/opt/kafka/libs/*' kafka.Kafka "$config"
