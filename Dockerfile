# One Dockerfile for the three services (they build the same way from the same reactor):
#   docker build --build-arg MODULE=search-service -t newswire/search-service:0.1.0 .
# docker-compose.yml builds each service with its MODULE. Plain Dockerfile syntax: the classic builder
# and BuildKit both build it (no RUN --mount, no syntax directive to fetch).
# Without a registry, ops/compose/build-local-images.sh makes the same images from the jars Maven built.

ARG JRE_IMAGE=eclipse-temurin:17.0.20.1_1-jre

FROM maven:3.9.11-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN mvn -B -q -Dmaven.test.skip=true -pl "${MODULE}" -am package \
 && cp "${MODULE}/target/${MODULE}.jar" /app.jar

FROM ${JRE_IMAGE}
ARG MODULE
LABEL org.opencontainers.image.title="newswire ${MODULE}"
RUN groupadd --system --gid 10001 newswire \
 && useradd --system --uid 10001 --gid newswire --no-create-home newswire \
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app.jar /app/app.jar
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
