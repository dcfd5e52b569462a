#!/usr/bin/env bash
# Builds every image that ops/compose/local-images.yml runs, without any image registry:
#   newswire-local/kafka          the kafka_2.13 jars local-stack runs, plus the Kafka tools
#   newswire-local/elasticsearch  Maven's integ-test-zip distribution, the one local-stack runs
#   newswire-local/prometheus     the binary of Debian's prometheus package
#   newswire/{ingest,enrich,search}-service
#                                 the jars in */target (build them first: mvn -B package -DskipTests)
# Each image is one layer: a Debian bookworm root file system (minbase, the JRE 17, curl, wget; made by
# mmdebstrap from this machine's apt sources and cached) with the image's files added, imported with
# 'docker import'. No 'docker build': under the vfs storage driver every build step copies the whole
# file system, and an import copies it once.
# An image whose inputs have not changed is kept (label newswire.recipe); --rebuild rebuilds all.
#
# Needs: root (mmdebstrap), mmdebstrap, apt-get, dpkg-deb, unzip, mvn, a Docker engine.
# NEWSWIRE_IMAGE_CACHE: where the base file system is kept (default ~/.cache/newswire-images).
set -euo pipefail
cd "$(dirname "$0")/../.."
images=ops/compose/images

rebuild=false
[ "${1:-}" = --rebuild ] && rebuild=true

kafka_version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' pom.xml | head -n 1)
es_version=$(sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' pom.xml | head -n 1)
project_version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
service_tag=${project_version%-SNAPSHOT}
cache=${NEWSWIRE_IMAGE_CACHE:-$HOME/.cache/newswire-images}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

log() { printf '[build-local-images] %s\n' "$*" >&2; }
tree_hash() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16; }
recipe_of() { printf '%s\n' "$@" | sha256sum | cut -c1-16; }
current() { # image recipe: whether the image exists, built from this recipe
  [ "$rebuild" = false ] &&
    [ "$(docker image inspect -f '{{index .Config.Labels "newswire.recipe"}}' "$1" 2>/dev/null)" = "$2" ]
}
# import IMAGE RECIPE DIR OWNER [CHANGE...]: the base file system plus DIR's files (owned by OWNER, uid:gid)
import() {
  local image=$1 recipe=$2 dir=$3 owner=$4 started=$SECONDS
  shift 4
  local changes=(-c 'ENV LANG=C.UTF-8' -c "LABEL newswire.recipe=$recipe")
  for change in "$@"; do changes+=(-c "$change"); done
  # The base's own directories (/, /opt, /usr/share, ...) keep their owner and mode: only what is new is added.
  [ -f "$work/base-dirs" ] || tar -tf "$base_tar" | sed -n 's:/$::p' > "$work/base-dirs"
  (cd "$dir" && find . -mindepth 1 | grep -vxF -f "$work/base-dirs") > "$work/added" || true
  cp "$base_tar" "$work/image.tar"
  tar -rf "$work/image.tar" -C "$dir" --no-recursion --numeric-owner --owner="${owner%%:*}" \
    --group="${owner##*:}" -T "$work/added"
  docker import "${changes[@]}" "$work/image.tar" "$image" >/dev/null
  rm -f "$work/image.tar"
  log "$image imported in $((SECONDS - started)) s"
}

# The base file system. Users: 10001 for the services (as the root Dockerfile), 1000:0 for Elasticsearch
# and 1001 for Kafka (as their official images). No man pages or docs; update-alternatives needs man1.
base_packages=openjdk-17-jre-headless,curl,wget
base_users='groupadd --system --gid 10001 newswire
useradd --system --uid 10001 --gid newswire --no-create-home --shell /usr/sbin/nologin newswire
useradd --system --uid 1000 --gid 0 --home-dir /usr/share/elasticsearch --no-create-home elasticsearch
useradd --system --uid 1001 --gid 0 --home-dir /opt/kafka --no-create-home kafka'
base_recipe=$(recipe_of bookworm "$base_packages" "$base_users")
base_tar=$cache/jre-17-bookworm-$base_recipe.tar
if [ -f "$base_tar" ] && [ "$rebuild" = false ]; then
  log "base file system $base_tar is cached"
else
  started=$SECONDS
  sources=()
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -s "$f" ] && sources+=("$f")
  done
  [ "${#sources[@]}" -gt 0 ] || { log "no apt sources configured"; exit 1; }
  mkdir -p "$cache"
  rm -f "$cache"/jre-17-bookworm-*.tar
  mmdebstrap --quiet --variant=minbase --include="$base_packages" \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    --customize-hook="chroot \"\$1\" sh -ec '$(printf '%s' "$base_users" | tr '\n' ';')'" \
    bookworm "$work/base.tar" "${sources[@]}" </dev/null
  mv "$work/base.tar" "$base_tar"
  log "base file system made in $((SECONDS - started)) s"
fi

# Kafka: the broker's jars and the tools', by the root pom's version.
kafka=newswire-local/kafka:$kafka_version
recipe=$(recipe_of "$base_recipe" "$kafka_version" "$(tree_hash $images/kafka)" "$(sha256sum < $images/pom.xml)")
if current "$kafka" "$recipe"; then
  log "$kafka is up to date"
else
  cp -a $images/kafka/root "$work/kafka"
  mvn -B -q -f $images/pom.xml dependency:copy-dependencies -DincludeTypes=jar \
    -DoutputDirectory="$work/kafka/opt/kafka/libs"
  mkdir -p "$work/kafka/var/lib/kafka/data"
  import "$kafka" "$recipe" "$work/kafka" 1001:0 'USER 1001:0' 'WORKDIR /opt/kafka' \
    'ENV PATH=/opt/kafka/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'EXPOSE 9092' 'CMD ["/etc/kafka/docker/run"]'
  rm -rf "$work/kafka"
fi

# Elasticsearch: the distribution local-stack runs, where the official image has it.
elasticsearch=newswire-local/elasticsearch:$es_version
recipe=$(recipe_of "$base_recipe" "$es_version" "$(tree_hash $images/elasticsearch)" "$(sha256sum < $images/pom.xml)")
if current "$elasticsearch" "$recipe"; then
  log "$elasticsearch is up to date"
else
  mvn -B -q -f $images/pom.xml dependency:copy-dependencies -DincludeTypes=zip -DoutputDirectory="$work/es-zip"
  unzip -q "$work"/es-zip/elasticsearch-*.zip -d "$work/es-unpacked"
  home="$work/elasticsearch/usr/share/elasticsearch"
  mkdir -p "$(dirname "$home")"
  mv "$work/es-unpacked/elasticsearch-$es_version" "$home"
  rm -f "$home"/bin/*.bat "$home"/bin/*.exe
  cp -a $images/elasticsearch/root/. "$work/elasticsearch/"
  mkdir -p "$home/data" "$home/logs" "$home/plugins" "$home/snapshots"
  import "$elasticsearch" "$recipe" "$work/elasticsearch" 1000:0 'USER 1000:0' \
    'WORKDIR /usr/share/elasticsearch' 'ENV ES_JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
    'ENV PATH=/usr/share/elasticsearch/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'EXPOSE 9200' 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' 'CMD ["eswrapper"]'
  rm -rf "$work/es-zip" "$work/es-unpacked" "$work/elasticsearch"
fi

# Prometheus: the binary of Debian's package (apt-get download installs nothing).
prometheus=newswire-local/prometheus:bookworm
candidate=$(apt-cache policy prometheus | sed -n 's/^ *Candidate: //p')
[ -n "$candidate" ] && [ "$candidate" != "(none)" ] || { log "no prometheus package: run apt-get update"; exit 1; }
recipe=$(recipe_of "$base_recipe" "$candidate")
if current "$prometheus" "$recipe"; then
  log "$prometheus is up to date"
else
  (cd "$work" && apt-get download -q=2 -o APT::Sandbox::User=root prometheus)
  dpkg-deb -x "$work"/prometheus_*.deb "$work/prometheus-deb"
  # /usr/bin: the base's /bin is a link to it (merged /usr), so /bin/prometheus is the official path too.
  mkdir -p "$work/prometheus/usr/bin" "$work/prometheus/prometheus" "$work/prometheus/etc/prometheus"
  cp "$work/prometheus-deb/usr/bin/prometheus" "$work/prometheus/usr/bin/prometheus"
  import "$prometheus" "$recipe" "$work/prometheus" 65534:65534 'USER 65534:65534' 'WORKDIR /prometheus' \
    'EXPOSE 9090' 'ENTRYPOINT ["/bin/prometheus"]' \
    'CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]'
  rm -rf "$work"/prometheus*
fi

# The three services, from their jars: the root Dockerfile's user, entrypoint and JVM options.
for module in ingest-service enrich-service search-service; do
  jar=$module/target/$module.jar
  [ -f "$jar" ] || { log "$jar is missing: run 'mvn -B package -DskipTests' first"; exit 1; }
  image=newswire/$module:$service_tag
  recipe=$(recipe_of "$base_recipe" "$(sha256sum < "$jar")")
  if current "$image" "$recipe"; then
    log "$image is up to date"
  else
    mkdir -p "$work/$module/app"
    cp "$jar" "$work/$module/app/app.jar"
    import "$image" "$recipe" "$work/$module" 0:0 'USER 10001:10001' \
      "LABEL org.opencontainers.image.title=newswire-$module" \
      'ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"' \
      'ENTRYPOINT ["java", "-jar", "/app/app.jar"]'
    rm -rf "${work:?}/$module"
  fi
done
