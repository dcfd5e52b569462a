#!/bin/bash
# Creates every topic of a topics file (name, partitions, configs) that does not exist yet:
#   create-topics.sh BOOTSTRAP TOPICS_FILE
# A topic that exists keeps its data; its configs are brought to the file's, and its partitions raised
# to the file's count (Kafka cannot lower them). Runs in the Kafka image (kafka-init in docker-compose.yml).
set -euo pipefail
bootstrap=$1
file=$2
bin=/opt/kafka/bin
existing=$("$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --list)
pids=()
while read -r name partitions configs; do
  case "$name" in ''|'#'*) continue ;; esac
  if grep -qxF "$name" <<<"$existing"; then
    (
      "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type topics --entity-name "$name" \
        --add-config "$configs" >/dev/null
      current=$("$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --describe --topic "$name" \
        | sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' | head -n 1)
      if [ "${current:-0}" -lt "$partitions" ]; then
        "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --alter --topic "$name" --partitions "$partitions"
      fi
      echo "kept $name (${current:-?} partitions, now at least $partitions; $configs)"
    ) &
  else
    (
      args=()
      IFS=',' read -ra pairs <<<"$configs"
      for pair in "${pairs[@]}"; do args+=(--config "$pair"); done
      "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
        --partitions "$partitions" --replication-factor 1 "${args[@]}" >/dev/null
      echo "created $name ($partitions partitions; $configs)"
    ) &
  fi
  pids+=($!)
done < "$file"
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
