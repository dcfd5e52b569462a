# syntax=docker/dockerfile:1
# One Dockerfile for the three services (they build the same way from the same reactor):
#   docker build --build-arg MODULE=search-service -t newswire/search-service .
# docker-compose.yml builds each service with its MODULE.

FROM maven:3.9.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -Dmaven.test.skip=true -pl "${MODULE}" -am package \
 && cp "${MODULE}/target/${MODULE}.jar" /app.jar

FROM eclipse-temurin:17.0.15_6-jre
ARG MODULE
LABEL org.opencontainers.image.title="newswire ${MODULE}"
RUN groupadd --system --gid 10001 newswire \
 && useradd --system --uid 10001 --gid newswire --no-create-home newswire \
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app.jar /app/app.jar
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
