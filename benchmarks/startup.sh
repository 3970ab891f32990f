#!/usr/bin/env bash
# Start-up time and peak memory of a hello-world program, without and with warden-agent.jar,
# whole process, over several runs (alternating, so both see the same machine state).
# Usage: benchmarks/startup.sh [runs] [java]   (after `mvn -DskipTests package`)
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-10}
java=${2:-java}
agent=../javaagent/target/warden-agent.jar
cp=target/classes
policy=$(mktemp --suffix=.properties)
audit=$(mktemp -d)
printf 'warden.agent.id = hello\nwarden.audit.dir = %s\n' "$audit" > "$policy"

measure() { # prints "seconds kilobytes"
  /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1
}
for i in $(seq "$runs"); do
  measure "$java" -cp "$cp" dev.warden.bench.HelloWorld >> /tmp/warden-startup-plain.$$
  measure "$java" -javaagent:"$agent"=config="$policy" -cp "$cp" dev.warden.bench.HelloWorld >> /tmp/warden-startup-agent.$$
done
summary() { sort -n -k1 "$1" | awk '{t[NR]=$1; m[NR]=$2; ts+=$1; ms+=$2} END {printf "median %.3f s, mean %.3f s, mean peak RSS %.1f MiB\n", t[int((NR+1)/2)], ts/NR, ms/NR/1024}'; }
echo "$("$java" -version 2>&1 | head -1), $runs runs each"
echo "without agent: $(summary /tmp/warden-startup-plain.$$)"
echo "with agent:    $(summary /tmp/warden-startup-agent.$$)"
rm -f /tmp/warden-startup-plain.$$ /tmp/warden-startup-agent.$$ "$policy"
rm -rf "$audit"
