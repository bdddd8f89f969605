#!/usr/bin/env bash
# The topology of docker-compose.yml as plain processes on one machine, without Docker: PostgreSQL, RabbitMQ with
# its STOMP plugin, two nnlab instances with the environment the compose file gives them, and nginx in front with
# deploy/nginx.conf.template. Everything runs as the current user, in one scratch folder, on ports BASE … BASE+19.
#
#   deploy/run-locally.sh start [DIR]   start everything in DIR (default: a new temporary folder), wait until each
#                                       part is healthy, then stay in the foreground: Ctrl-C stops everything
#   deploy/run-locally.sh stop DIR      stop what a start in DIR started (from another terminal)
#   deploy/run-locally.sh check DIR     check the running topology through nginx (deploy/check-topology.mjs)
#
# Settings (environment):
#   NNLAB_LOCAL_PORT   BASE, nginx's port (default 28080); the instances get BASE+1 and BASE+2, PostgreSQL BASE+3,
#                      RabbitMQ BASE+4 (AMQP), BASE+5 (STOMP), BASE+6 (epmd), BASE+7 (distribution), BASE+10…19
#                      (its command-line tools)
#   NNLAB_JAR          the jar (default: target/nnlab-*.jar, built with the Maven wrapper when missing)
#   NNLAB_JAVA_OPTS    the JVMs' options (default -Xmx2g: two instances share this machine's memory)
#   PG_BIN             PostgreSQL's server programs (default: initdb on PATH, else the newest /usr/lib/postgresql/*/bin)
#   NNLAB_INSTRUCTOR_PASSWORD, NNLAB_DB_PASSWORD, NNLAB_BROKER_PASSWORD, NNLAB_SECRET, NNLAB_JOBS_WORKERS,
#   NNLAB_JOBS_QUEUE_CAPACITY, NNLAB_JOBS_MAX_ACTIVE_PER_CLIENT, NNLAB_LIMITS_MAX_EPOCHS: as in docker-compose.yml
#   (an empty instructor password is replaced by a random one, written to DIR/topology.env)
#
# Needs: java 17, nginx, rabbitmq-server (its STOMP plugin is part of Debian's package), PostgreSQL 12+, curl.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command=${1:-start}
dir=${2:-}

base=${NNLAB_LOCAL_PORT:-28080}
nginx_port=$base
port_a=$((base + 1))
port_b=$((base + 2))
pg_port=$((base + 3))
amqp_port=$((base + 4))
stomp_port=$((base + 5))
epmd_port=$((base + 6))
dist_port=$((base + 7))

say() { printf '%s [%s] %s\n' "$(date -u +%H:%M:%S)" "${2:-topology}" "$1"; }
seconds_since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

# PostgreSQL refuses to run as root: as root, its programs run in a user namespace of their own (the same user's
# files, seen from inside as owned by an unprivileged one)
as_postgres_user() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }

pg_bin() {
    if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"
    elif command -v initdb > /dev/null && command -v pg_ctl > /dev/null; then dirname "$(command -v initdb)"
    else find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2> /dev/null | sort -V | tail -1; fi
}

rabbit_env() {
    export HOME="$dir/rabbitmq" RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq/rabbitmq-env.conf" \
        RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$amqp_port \
        RABBITMQ_DIST_PORT=$dist_port RABBITMQ_CTL_DIST_PORT_MIN=$((base + 10)) RABBITMQ_CTL_DIST_PORT_MAX=$((base + 19)) \
        ERL_EPMD_PORT=$epmd_port ERL_EPMD_ADDRESS=127.0.0.1 \
        RABBITMQ_CONFIG_FILE="$dir/rabbitmq/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/rabbitmq/enabled_plugins" \
        RABBITMQ_MNESIA_BASE="$dir/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$dir/logs/rabbitmq" \
        RABBITMQ_PID_FILE="$dir/rabbitmq/rabbit.pid"
}
rabbit_tool() { (rabbit_env; "/usr/lib/rabbitmq/bin/$@"); }

# --- stop: the reverse order of start; each part only if it was started -------------------------------------
stop_pid_file() { # name file signal
    local pid
    [ -f "$2" ] || return 0
    pid=$(cat "$2")
    if kill -0 "$pid" 2> /dev/null; then
        say "stopping (pid $pid)" "$1"
        kill "-$3" "$pid" 2> /dev/null || true
        for _ in $(seq 1 150); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
        kill -0 "$pid" 2> /dev/null && { say "still running after 30 s: killed" "$1"; kill -KILL "$pid" || true; }
    fi
    rm -f "$2"
}

stop_all() {
    trap - INT TERM
    [ -d "$dir/run" ] || return 0
    touch "$dir/run/stopping"
    stop_pid_file nginx "$dir/run/nginx.pid" QUIT
    stop_pid_file nnlab-a "$dir/run/nnlab-a.pid" TERM &
    local a=$!
    stop_pid_file nnlab-b "$dir/run/nnlab-b.pid" TERM
    wait $a || true
    if [ -f "$dir/run/rabbitmq.pid" ]; then
        say "stopping" rabbitmq
        rabbit_tool rabbitmqctl -q stop "$dir/rabbitmq/rabbit.pid" > /dev/null 2>&1 || true
        stop_pid_file rabbitmq "$dir/run/rabbitmq.pid" TERM
        (rabbit_env; epmd -kill > /dev/null 2>&1 || true)
    fi
    if [ -f "$dir/postgres/data/postmaster.pid" ]; then
        say "stopping" postgres
        as_postgres_user "$(pg_bin)/pg_ctl" -D "$dir/postgres/data" -m fast -w stop > /dev/null || true
    fi
    say "stopped; logs and data stay in $dir"
}

# --- start -----------------------------------------------------------------------------------------------------
port_taken() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

wait_for() { # name timeout-seconds pid-file command…: until the command succeeds (the health check of the compose file)
    local name=$1 timeout=$2 pid_file=$3 started
    shift 3
    started=$(date +%s%N)
    until "$@" > /dev/null 2>&1; do
        if [ -n "$pid_file" ] && ! kill -0 "$(cat "$pid_file")" 2> /dev/null; then
            say "exited before it was healthy: see $dir/logs" "$name"; return 1
        fi
        if [ $(( ($(date +%s%N) - started) / 1000000000 )) -ge "$timeout" ]; then
            say "not healthy after $timeout s: see $dir/logs" "$name"; return 1
        fi
        sleep 0.5
    done
}

start_postgres() {
    local t0 bin
    t0=$(date +%s%N)
    bin=$(pg_bin)
    [ -x "$bin/initdb" ] || { say "initdb not found: set PG_BIN" postgres; return 1; }
    mkdir -p "$dir/postgres"
    if [ ! -f "$dir/postgres/data/PG_VERSION" ]; then
        printf '%s\n' "$db_password" > "$dir/postgres/password"
        # the official image's POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB: user nnlab, a password over TCP
        as_postgres_user "$bin/initdb" -D "$dir/postgres/data" -U nnlab --pwfile="$dir/postgres/password" \
            --auth-local=trust --auth-host=scram-sha-256 -E UTF8 > "$dir/logs/initdb.log"
        rm -f "$dir/postgres/password"
    fi
    as_postgres_user "$bin/pg_ctl" -D "$dir/postgres/data" -l "$dir/logs/postgres.log" -w \
        -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start > /dev/null
    PGPASSWORD=$db_password psql -h 127.0.0.1 -p "$pg_port" -U nnlab -d postgres -Atqc \
        "select 1 from pg_database where datname = 'nnlab'" | grep -q 1 \
        || PGPASSWORD=$db_password psql -h 127.0.0.1 -p "$pg_port" -U nnlab -d postgres -qc 'create database nnlab'
    # docker-compose.yml's health check
    wait_for postgres 60 "" pg_isready -h 127.0.0.1 -p "$pg_port" -U nnlab -d nnlab
    say "ready on 127.0.0.1:$pg_port in $(seconds_since "$t0") s ($("$bin/postgres" --version))" postgres
}

start_rabbitmq() {
    local t0
    t0=$(date +%s%N)
    mkdir -p "$dir/rabbitmq" "$dir/logs/rabbitmq"
    : > "$dir/rabbitmq/rabbitmq-env.conf"
    cp "$repo/deploy/rabbitmq-enabled-plugins" "$dir/rabbitmq/enabled_plugins"
    # the image's RABBITMQ_DEFAULT_USER / _PASS, and the ports moved away from the defaults
    cat > "$dir/rabbitmq/rabbitmq.conf" << EOF
listeners.tcp.1 = 127.0.0.1:$amqp_port
stomp.listeners.tcp.1 = 127.0.0.1:$stomp_port
default_user = nnlab
default_pass = $broker_password
EOF
    # the real script: the /usr/sbin wrapper switches to the rabbitmq system user
    (rabbit_env; exec setsid /usr/lib/rabbitmq/bin/rabbitmq-server > "$dir/logs/rabbitmq/console.log" 2>&1) &
    echo $! > "$dir/run/rabbitmq.pid"
    wait_for rabbitmq 90 "$dir/run/rabbitmq.pid" rabbit_tool rabbitmqctl -q wait --timeout 5 "$dir/rabbitmq/rabbit.pid"
    # docker-compose.yml's health check: the STOMP listener is up, not only the node
    wait_for rabbitmq 60 "$dir/run/rabbitmq.pid" rabbit_tool rabbitmq-diagnostics -q check_port_listener "$stomp_port"
    say "ready in $(seconds_since "$t0") s: AMQP 127.0.0.1:$amqp_port, STOMP 127.0.0.1:$stomp_port" rabbitmq
}

start_instance() { # name port
    local name=$1 port=$2 t0
    t0=$(date +%s%N)
    mkdir -p "$dir/$name"
    # docker-compose.yml's environment for nnlab-a and nnlab-b, with the hosts and ports of this machine, and the
    # Dockerfile's (data dir, labs dir, JavaCPP's native cache: one for both here, unpacked once)
    (
        cd "$dir/$name"
        export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/nnlab" SPRING_DATASOURCE_USERNAME=nnlab \
            SPRING_DATASOURCE_PASSWORD="$db_password" \
            NNLAB_STOMP_RELAY="127.0.0.1:$stomp_port" NNLAB_STOMP_RELAY_LOGIN=nnlab \
            NNLAB_STOMP_RELAY_PASSCODE="$broker_password" \
            NNLAB_JOBS_WORKERS="${NNLAB_JOBS_WORKERS:-0}" NNLAB_JOBS_QUEUE_CAPACITY="${NNLAB_JOBS_QUEUE_CAPACITY:-32}" \
            NNLAB_JOBS_MAX_ACTIVE_PER_CLIENT="${NNLAB_JOBS_MAX_ACTIVE_PER_CLIENT:-4}" \
            NNLAB_LIMITS_MAX_EPOCHS="${NNLAB_LIMITS_MAX_EPOCHS:-10000}" \
            NNLAB_INSTRUCTOR_PASSWORD="$instructor_password" NNLAB_SECRET="${NNLAB_SECRET:-}" \
            SERVER_FORWARD_HEADERS_STRATEGY=native \
            NNLAB_DATA_DIR="$dir/$name" NNLAB_LABS_DIR="$repo/notebooks-content" SERVER_PORT="$port" \
            SERVER_ADDRESS=127.0.0.1
        # shellcheck disable=SC2086
        exec setsid java ${NNLAB_JAVA_OPTS:--Xmx2g} -Dorg.bytedeco.javacpp.cachedir="$dir/javacpp-cache" \
            -jar "$jar" > "$dir/logs/$name.log" 2>&1
    ) &
    echo $! > "$dir/run/$name.pid"
    # the Dockerfile's HEALTHCHECK (its start period is 60 s: the first start unpacks ~400 MB of natives)
    wait_for "$name" 240 "$dir/run/$name.pid" curl -fsS "http://127.0.0.1:$port/actuator/health/liveness"
    say "healthy on 127.0.0.1:$port in $(seconds_since "$t0") s" "$name"
}

start_nginx() {
    local t0
    t0=$(date +%s%N)
    mkdir -p "$dir/nginx/conf.d"
    NNLAB_LISTEN="127.0.0.1:$nginx_port" NNLAB_UPSTREAM_A="127.0.0.1:$port_a" NNLAB_UPSTREAM_B="127.0.0.1:$port_b" \
        envsubst '${NNLAB_LISTEN} ${NNLAB_UPSTREAM_A} ${NNLAB_UPSTREAM_B}' \
        < "$repo/deploy/nginx.conf.template" > "$dir/nginx/conf.d/default.conf"
    # what the image's /etc/nginx/nginx.conf gives around conf.d, kept in DIR; the access log also names the
    # instance that answered (the check reads it)
    cat > "$dir/nginx/nginx.conf" << EOF
$([ "$(id -u)" = 0 ] && echo 'user root;')
worker_processes 1;
daemon off;
pid $dir/run/nginx.master.pid;
error_log $dir/logs/nginx-error.log notice;
events { worker_connections 1024; }
http {
    log_format upstream '\$remote_addr [\$time_iso8601] "\$request" \$status \$body_bytes_sent '
                        'upstream=\$upstream_addr seconds=\$request_time check=\$http_x_nnlab_check ';
    access_log $dir/logs/nginx-access.log upstream;
    client_body_temp_path $dir/nginx/client_body;
    proxy_temp_path $dir/nginx/proxy;
    fastcgi_temp_path $dir/nginx/fastcgi;
    uwsgi_temp_path $dir/nginx/uwsgi;
    scgi_temp_path $dir/nginx/scgi;
    include $dir/nginx/conf.d/*.conf;
}
EOF
    nginx -t -q -p "$dir/nginx" -c "$dir/nginx/nginx.conf"
    (exec setsid nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" > "$dir/logs/nginx-console.log" 2>&1) &
    echo $! > "$dir/run/nginx.pid"
    # docker-compose.yml's health check (bash's /dev/tcp: the image has no curl)
    wait_for nginx 30 "$dir/run/nginx.pid" bash -c "exec 3<>/dev/tcp/127.0.0.1/$nginx_port"
    say "listening on http://127.0.0.1:$nginx_port/ in $(seconds_since "$t0") s" nginx
}

start_all() {
    local t0 p
    t0=$(date +%s%N)
    for p in $(seq "$base" $((base + 19))); do
        if port_taken "$p"; then say "port $p is taken: choose another NNLAB_LOCAL_PORT (ports BASE … BASE+19)"; exit 1; fi
    done
    for p in java nginx envsubst psql pg_isready curl setsid /usr/lib/rabbitmq/bin/rabbitmq-server; do
        command -v "$p" > /dev/null || { say "$p is missing"; exit 1; }
    done
    jar=${NNLAB_JAR:-$(ls "$repo"/target/nnlab-*.jar 2> /dev/null | head -1)}
    if [ -z "$jar" ]; then
        say "building the jar (./mvnw -B -q package -DskipTests)"
        (cd "$repo" && ./mvnw -B -q package -DskipTests)
        jar=$(ls "$repo"/target/nnlab-*.jar | head -1)
    fi
    mkdir -p "$dir/run" "$dir/logs"
    rm -f "$dir/run/stopping"
    db_password=${NNLAB_DB_PASSWORD:-nnlab}
    broker_password=${NNLAB_BROKER_PASSWORD:-nnlab}
    instructor_password=${NNLAB_INSTRUCTOR_PASSWORD:-}
    [ -n "$instructor_password" ] || instructor_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    (umask 077; cat > "$dir/topology.env" << EOF
NNLAB_URL=http://127.0.0.1:$nginx_port
NNLAB_INSTANCES="127.0.0.1:$port_a 127.0.0.1:$port_b"
NNLAB_INSTRUCTOR_PASSWORD=$instructor_password
NNLAB_ACCESS_LOG=$dir/logs/nginx-access.log
EOF
    )
    trap 'echo; stop_all; exit 130' INT
    trap 'stop_all; exit 143' TERM
    say "starting in $dir with $(basename "$jar")"
    # the order of docker-compose.yml's depends_on: the instances wait for a healthy database and broker, nginx
    # for healthy instances; the two instances start together, as compose starts them
    start_postgres &
    local pg=$!
    start_rabbitmq &
    local rabbit=$!
    wait $pg && wait $rabbit || { stop_all; exit 1; }
    start_instance nnlab-a "$port_a" &
    local a=$!
    start_instance nnlab-b "$port_b" &
    local b=$!
    wait $a && wait $b || { stop_all; exit 1; }
    start_nginx || { stop_all; exit 1; }
    say "all healthy in $(seconds_since "$t0") s: http://127.0.0.1:$nginx_port/ (instructor: instructor, the password in $dir/topology.env); Ctrl-C stops everything, or: $0 stop $dir"
    # until Ctrl-C, a stop from elsewhere, or until every part has exited
    while ls "$dir"/run/*.pid > /dev/null 2>&1 && [ ! -f "$dir/run/stopping" ]; do
        for p in nnlab-a nnlab-b nginx rabbitmq; do
            if [ -f "$dir/run/$p.pid" ] && ! kill -0 "$(cat "$dir/run/$p.pid")" 2> /dev/null; then
                say "exited: see $dir/logs" "$p"; rm -f "$dir/run/$p.pid"
            fi
        done
        sleep 2
    done
    [ -f "$dir/run/stopping" ] || stop_all
}

case "$command" in
    start)
        [ -n "$dir" ] || dir=$(mktemp -d "${TMPDIR:-/tmp}/nnlab-topology.XXXXXX")
        mkdir -p "$dir"
        dir=$(cd "$dir" && pwd)
        start_all ;;
    stop)
        [ -n "$dir" ] && [ -d "$dir/run" ] || { echo "usage: $0 stop DIR (the folder given to or printed by start)"; exit 2; }
        dir=$(cd "$dir" && pwd)
        stop_all ;;
    check)
        [ -n "$dir" ] && [ -f "$dir/topology.env" ] || { echo "usage: $0 check DIR (a running start's folder)"; exit 2; }
        set -a; . "$dir/topology.env"; set +a
        exec node "$repo/deploy/check-topology.mjs" ;;
    *)
        echo "usage: $0 start [DIR] | stop DIR | check DIR"; exit 2 ;;
esac
