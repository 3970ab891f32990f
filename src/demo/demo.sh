#!/usr/bin/env bash
# Builds warden-agent.jar and runs an agent-like program under it: the agent reads its knowledge
# base, writes a report, then (as a model might ask it to) tries to read a key, escape through
# "..", and delete its knowledge base. Prints what was allowed, what was denied and why, and the
# audit trail.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests package -pl javaagent,test-apps/file-tool -am

demo=$(mktemp -d /tmp/warden-demo.XXXXXX)
mkdir -p "$demo/kb" "$demo/reports"
echo "Q3 revenue grew 12%." > "$demo/kb/q3.txt"
echo "-----BEGIN PRIVATE KEY-----" > "$demo/kb/server.pem"
agent=javaagent/target/warden-agent.jar

echo "== The agent runs with: -javaagent:$agent=config=src/examples/file-agent.properties"
java -javaagent:"$agent"=config=src/examples/file-agent.properties -Ddemo.dir="$demo" \
  -cp test-apps/file-tool/target/file-tool.jar dev.warden.testapps.filetool.FileTool \
  "nio-read:$demo/kb/q3.txt" \
  "fos-write:$demo/reports/summary.txt" \
  "fis-read:$demo/kb/server.pem" \
  "fis-read:$demo/kb/../../../etc/passwd" \
  "nio-delete:$demo/kb/q3.txt" \
  "list:$demo/kb" \
  | sed -e 's/^OK /ALLOWED  /' -e 's/^ERR /DENIED   /'

echo
echo "== The audit trail: java -jar $agent audit tail --dir $demo/audit"
java -jar "$agent" audit tail --dir "$demo/audit"
echo
echo "== As JSON lines for your SIEM: java -jar $agent audit export --dir $demo/audit --decision deny"
java -jar "$agent" audit export --dir "$demo/audit" --decision deny
