# nnlab: build with the Maven wrapper, run on a JRE. Data (embedded database, JavaCPP's native cache)
# live in the volume /var/lib/nnlab; with docker-compose.yml the database is PostgreSQL instead.

# ---- build ----
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# the wrapper and the pom first, so that (most) dependencies are a cached layer of their own
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline
COPY src src
COPY frontend frontend
# the labs are bundled into the jar too (pom.xml's resources), as in a build from a checkout
COPY notebooks-content notebooks-content
# the tests run in CI (.ci/run), not in every image build
RUN ./mvnw -B -q package -DskipTests && cp target/nnlab-*.jar /nnlab.jar

# ---- run ----
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system nnlab \
 && useradd --system --gid nnlab --home-dir /var/lib/nnlab --shell /usr/sbin/nologin nnlab \
 && mkdir -p /opt/nnlab /var/lib/nnlab \
 && chown nnlab:nnlab /var/lib/nnlab
COPY --from=build /nnlab.jar /opt/nnlab/nnlab.jar
# the labs: Markdown files read at start-up and again on change; mount a folder here to serve your own
COPY notebooks-content /opt/nnlab/notebooks-content
# main() puts JavaCPP's native cache (~400 MB, unpacked on first start) under the data dir;
# the -D makes it explicit and keeps it there even if NNLAB_DATA_DIR changes
ENV NNLAB_DATA_DIR=/var/lib/nnlab \
    NNLAB_LABS_DIR=/opt/nnlab/notebooks-content \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -Dorg.bytedeco.javacpp.cachedir=/var/lib/nnlab/javacpp-cache"
VOLUME /var/lib/nnlab
USER nnlab
WORKDIR /var/lib/nnlab
EXPOSE 8080
# the first start unpacks the natives: give it time before the first check counts
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/nnlab/nnlab.jar \"$@\"", "nnlab"]
