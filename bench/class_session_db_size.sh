#!/usr/bin/env bash
# The embedded database's size after a class session: starts the server jar on a fresh data folder, runs
# 30 playground runs of 15,000 epochs and a set of lab runs (Iris, Boston, MNIST), stops the server and prints the
# size of the H2 file while it ran and after it stopped. Usage: bench/class_session_db_size.sh JAR [PORT]
set -euo pipefail
jar=$(realpath "$1"); port=${2:-18300}
data=$(mktemp -d /tmp/nnlab-session.XXXX)
cd "$data"
java -jar "$jar" --server.port="$port" --nnlab.data-dir="$data" --nnlab.limits.max-epochs=20000 --nnlab.jobs.idle-timeout=0 \
  --logging.level.root=WARN --logging.level.nnlab=INFO > "$data/server.log" 2>&1 &
server=$!
until curl -fs "localhost:$port/actuator/health" >/dev/null; do sleep 1; done
base="localhost:$port/api/jobs"

submit() { # client spec: retries while the queue is full (429)
  local id=""
  while [ -z "$id" ]; do
    id=$(curl -s -XPOST "$base" -H 'Content-Type: application/json' -H "X-Nnlab-Client: $1" -d "$2" \
      | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
    [ -n "$id" ] || sleep 2
  done
  echo "$id"
}
playground='{"dataset":{"name":"playground","kind":"spiral","noise":0.1,"trainRatio":0.5},
 "model":{"layers":[{"units":8,"activation":"tanh"},{"units":8,"activation":"tanh"},{"units":2,"activation":"softmax"}]},
 "training":{"optimizer":"sgd","learningRate":0.03,"batchSize":10,"epochs":15000}}'
iris='{"dataset":{"name":"iris"},"model":{"layers":[{"units":100,"activation":"relu"},{"units":3,"activation":"softmax"}]},
 "training":{"optimizer":"adam","learningRate":0.01,"batchSize":16,"epochs":100,"loss":"sparse_categorical_crossentropy"}}'
boston='{"dataset":{"name":"boston","features":["RM","CRIM","INDUS","NOX","AGE","TAX"]},
 "model":{"layers":[{"units":100,"activation":"relu"},{"units":1,"activation":"relu"}]},
 "training":{"optimizer":"adam","learningRate":0.01,"batchSize":32,"epochs":200,"loss":"mse"}}'
mnist='{"dataset":{"name":"mnist","trainLimit":6000},"model":{"layers":[{"units":128,"activation":"relu"},
 {"units":64,"activation":"relu"},{"units":10,"activation":"softmax"}]},
 "training":{"optimizer":"adam","learningRate":0.001,"batchSize":32,"epochs":5,"loss":"sparse_categorical_crossentropy"}}'

ids=()
started=$(date +%s)
for i in $(seq 1 30); do ids+=("$(submit "student-$i" "$playground")"); done
for i in $(seq 1 10); do ids+=("$(submit "lab-iris-$i" "$iris")"); done
for i in $(seq 1 5); do ids+=("$(submit "lab-boston-$i" "$boston")"); done
for i in $(seq 1 3); do ids+=("$(submit "lab-mnist-$i" "$mnist")"); done
total=0
for id in "${ids[@]}"; do
  until job=$(curl -s "$base/$id"); echo "$job" | grep -q '"status":"\(SUCCEEDED\|FAILED\|CANCELLED\|INTERRUPTED\)"'; do
    sleep 3
  done
  total=$(( total + $(echo "$job" | sed -n 's/.*"epochsDone":\([0-9]*\).*/\1/p') ))
done
echo "jobs=${#ids[@]} epochs_done_total=$total session_seconds=$(( $(date +%s) - started ))"
echo "db_bytes_running=$(stat -c %s "$data/nnlab.mv.db")"
kill "$server"; wait "$server" || true
echo "db_bytes_stopped=$(stat -c %s "$data/nnlab.mv.db")"
grep -E "thinned|compacted" "$data/server.log" || true
rm -rf "$data"
