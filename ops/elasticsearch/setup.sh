#!/bin/bash
# One-shot, after Elasticsearch is healthy (elasticsearch-setup in docker-compose.yml); idempotent:
#   - checks that the search-service's user logs in and holds its role;
#   - hands the snapshot directory (path.repo, the es-snapshots volume) to Elasticsearch's user and
#     registers it as the snapshot repository "newswire" (README, "Backups").
#   setup.sh ELASTICSEARCH_URL     as root, with ELASTIC_PASSWORD and SEARCH_ES_PASSWORD set
set -euo pipefail
url=$1
: "${ELASTIC_PASSWORD:?}" "${SEARCH_ES_PASSWORD:?}"

call() { # user:password method path [body]: fails on an error status, showing Elasticsearch's answer
  local out status
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -u "$1" -X "$2" -H 'Content-Type: application/json' "$url$3" \
    ${4:+--data-binary "$4"}) || status=000
  if [ "$status" -ge 300 ] || [ "$status" -lt 200 ]; then
    echo "elasticsearch-setup: $2 $3 answered $status: $(cat "$out")" >&2
    return 1
  fi
  cat "$out"
}

call "newswire_search:$SEARCH_ES_PASSWORD" GET /_security/_authenticate | grep -q '"newswire_search"' \
  || { echo "elasticsearch-setup: newswire_search does not hold its role" >&2; exit 1; }
chown 1000:0 /usr/share/elasticsearch/snapshots
call "elastic:$ELASTIC_PASSWORD" PUT /_snapshot/newswire '{"type":"fs","settings":{"location":"newswire","compress":true}}' >/dev/null
echo "elasticsearch-setup: newswire_search logs in; snapshot repository newswire registered"
