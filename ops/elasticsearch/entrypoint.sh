#!/bin/bash
# Entrypoint of the elasticsearch service: puts Newswire's users into the file realm (config/users),
# then runs the image's own entrypoint. The file realm needs no .security index, so the same users work
# on the official image and on the local one (whose distribution cannot create that index), and a
# password changed in .env takes effect at the next start.
#   newswire_search  role newswire_search (roles.yml): the search-service
#   newswire_kibana  built-in role kibana_system: Kibana
set -euo pipefail
cd /usr/share/elasticsearch
user() { # name password role
  if grep -q "^$1:" config/users 2>/dev/null; then
    bin/elasticsearch-users passwd "$1" -p "$2" >/dev/null
  else
    bin/elasticsearch-users useradd "$1" -p "$2" -r "$3" >/dev/null
  fi
}
user newswire_search "${SEARCH_ES_PASSWORD:?set SEARCH_ES_PASSWORD in .env}" newswire_search
user newswire_kibana "${KIBANA_SYSTEM_PASSWORD:?set KIBANA_SYSTEM_PASSWORD in .env}" kibana_system
exec /usr/local/bin/docker-entrypoint.sh "$@"
