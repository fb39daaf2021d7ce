# One image per app, from the jar the Maven build made (build it first: ./mvnw -B -DskipTests package):
#   docker build --build-arg MODULE=gateway -t creditloop/gateway .
# docker-compose.yml builds all seven this way. The context holds only the exec jars (.dockerignore).
FROM eclipse-temurin:17-jre

# curl for the compose healthchecks: Temurin's Ubuntu images have shipped it so far; install it if one doesn't
RUN command -v curl >/dev/null \
    || (apt-get update \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
        && rm -rf /var/lib/apt/lists/*)

RUN groupadd --system creditloop && useradd --system --gid creditloop --home-dir /app --no-create-home creditloop
# the mount points of compose's named volumes (uploads, export files, evidence): a new volume copies this owner
RUN mkdir -p /var/lib/creditloop/intake /var/lib/creditloop/exports /var/lib/creditloop/evidence \
    && chown -R creditloop:creditloop /var/lib/creditloop && chmod -R 750 /var/lib/creditloop

# after the shared layers above, so that the seven images share them
ARG MODULE
RUN test -n "$MODULE" || (echo "--build-arg MODULE=<module> is required" >&2; exit 1)
COPY --chown=root:root ${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar

USER creditloop
WORKDIR /app
# Container-aware heap (a share of the container's memory limit), the serial collector and C1 only: small and
# quick to start for one service per container. JAVA_OPTS adds flags, or overrides these, at run time.
ENV JAVA_OPTS=""
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar /app/app.jar"]
