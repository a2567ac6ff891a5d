# Build stage: the Maven wrapper and a JDK 17.
FROM eclipse-temurin:17-jdk AS build
# h2 (embedded, the default) or postgresql: Quarkus fixes the database kind at build time
ARG PARTNER_TIERS_DB_KIND=h2
ENV PARTNER_TIERS_DB_KIND=${PARTNER_TIERS_DB_KIND}
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY openapi openapi
COPY rules rules
RUN ./mvnw -B -q package -DskipTests

# Runtime stage: a JRE is enough, since Drools compiles the rules with the Eclipse compiler it ships.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 --home-dir /app partner-tiers
WORKDIR /app
COPY --from=build --chown=1001 /build/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=1001 /build/target/quarkus-app/*.jar /app/
COPY --from=build --chown=1001 /build/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=1001 /build/target/quarkus-app/quarkus/ /app/quarkus/
# The shipped programs; mount a folder over /app/rules to serve others.
COPY --chown=1001 rules/ /app/rules/
ENV PARTNER_TIERS_RULES_DIR=/app/rules
# The embedded decision log lives here; mount a volume to keep it across containers.
RUN mkdir /app/data && chown 1001 /app/data
ENV PARTNER_TIERS_DATA_DIR=/app/data
VOLUME /app/data
# Tokens are checked with the public key mounted here (read-only), e.g.
#   docker run -v "$PWD/keys/publicKey.pem:/app/config/publicKey.pem:ro" -e MP_JWT_VERIFY_ISSUER=https://issuer.example …
# A container listens on every interface, so without that key the service refuses to start.
ENV MP_JWT_VERIFY_PUBLICKEY_LOCATION=/app/config/publicKey.pem
ENV QUARKUS_HTTP_HOST=0.0.0.0
# Sized for a 512 MiB container limit (bench/container-512m runs the service under load inside one with
# exactly these options): a heap of 224 MiB from the start (left to grow from less, it kept a young
# generation of 29 MiB and collected far more often; docs/performance.md), class metadata (Drools
# generates classes for every program) at most 160 MiB, compiled code 64 MiB, Netty's direct buffers
# 32 MiB, and the serial collector, whose footprint is the smallest; an out-of-memory error ends the
# process so that the orchestrator restarts it. Override JAVA_OPTS for another limit (README, "Memory").
ENV JAVA_OPTS="-Xms224m -Xmx224m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=32m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
# At most 64 worker threads rather than Quarkus' 200: each holds its stack and buffers, and two CPUs never
# run more than a few evaluations at once; the rest would only wait.
ENV QUARKUS_THREAD_POOL_MAX_THREADS=64
USER 1001
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar \"$@\"", "--"]
