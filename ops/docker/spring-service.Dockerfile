# syntax=docker/dockerfile:1
# The image of every Spring Boot module (job-request-service, job-executor-service,
# job-status-service, device-simulator): docker-compose.yml builds each with its build args, e.g.
#   docker build -f ops/docker/spring-service.Dockerfile --build-arg MODULE=job-request-service \
#     --build-arg PORTS="8081 8091" --build-arg HEALTH_PORT=8091 -t fleetjobs/job-request-service .
# (from the repository root). The IoT Hub emulator, a plain jar, has its own Dockerfile.
ARG MODULE

FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$MODULE" \
 && ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true -pl ${MODULE} -am package \
 && java -Djarmode=tools -jar ${MODULE}/target/${MODULE}-*[0-9T].jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre
# the ports the module listens on, and the one that answers /actuator/health/readiness
ARG PORTS=8080
ARG HEALTH_PORT=8080
ARG JAVA_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=60"
RUN useradd --system --uid 10001 --no-create-home fleetjobs
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 10001
EXPOSE ${PORTS}
# Few malloc arenas keep the resident memory of many-threaded JVMs down.
ENV HEALTH_PORT=${HEALTH_PORT} MALLOC_ARENA_MAX=2 JAVA_TOOL_OPTIONS="${JAVA_OPTIONS}"
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/$HEALTH_PORT && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200'"]
# Exec form: java is PID 1 and gets SIGTERM, so the service shuts down gracefully on "docker stop".
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
