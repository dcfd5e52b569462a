#!/bin/bash
# As the official image's entrypoint: every variable whose name is a dotted setting (discovery.type, ...)
# is passed as -E; ELASTIC_PASSWORD is the elastic user's bootstrap password; the official image's
# command word "eswrapper" means "start the server".
set -euo pipefail
cd /usr/share/elasticsearch
[ "${1:-}" = eswrapper ] && shift
settings=()
while IFS= read -r -d '' entry; do
  name="${entry%%=*}"
  if [[ "$name" =~ ^[a-z0-9_]+\.[a-z0-9_.]+$ ]]; then
    settings+=("-E${name}=${entry#*=}")
  fi
done < <(env -0)
if [ -n "${ELASTIC_PASSWORD:-}" ]; then
  [ -f config/elasticsearch.keystore ] || bin/elasticsearch-keystore create >/dev/null
  printf '%s' "$ELASTIC_PASSWORD" | bin/elasticsearch-keystore add -x -f bootstrap.password
fi
exec bin/elasticsearch "${settings[@]}" "$@"
