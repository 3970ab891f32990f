#!/usr/bin/env bash
# Builds warden-agent.jar and runs a real LangChain4j agent (test-apps/langchain4j-agent) under it
# with src/examples/langchain4j-agent.properties. Its model is a scripted OpenAI-compatible server
# started here on loopback (no network, no API key) that asks for eight tool calls: read the
# knowledge base, query the CRM, call the ticket API, mail the team (allowed), then read an API
# key, erase the CRM, export it over HTTP, mail it outside (denied). Prints what was allowed, what
# was denied and why, what the model was told, and the audit trail.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests package -pl javaagent,test-apps/model-server,test-apps/langchain4j-agent -am

demo=$(mktemp -d /tmp/warden-demo.XXXXXX)
mkdir -p "$demo/kb" "$demo/secrets"
echo "Q3 revenue grew 12%." > "$demo/kb/q3.txt"
echo "sk-live-0123456789" > "$demo/secrets/api-key.txt"
sed "s#DEMO_DIR#$demo#g" src/demo/support-session.txt > "$demo/session.txt"
agent=javaagent/target/warden-agent.jar
services=test-apps/model-server/target
app=test-apps/langchain4j-agent/target

# The scripted model server and an SMTP sink, on loopback, until we close their standard input.
mkfifo "$demo/services.in"
java -Dsun.net.httpserver.nodelay=true -cp "$services/model-server.jar:$services/lib/*" \
  dev.warden.testapps.model.LoopbackServices "$demo/session.txt" "$demo/ports" \
  < "$demo/services.in" > "$demo/services.out" 2>&1 &
services_pid=$!
exec 3>"$demo/services.in"
trap 'kill $services_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -f "$demo/ports" ] && break; sleep 0.1; done
base=$(sed -n 's/^base=//p' "$demo/ports")
smtp=$(sed -n 's/^smtp=//p' "$demo/ports")

echo "== A LangChain4j AiServices agent, unmodified, with one more flag:"
echo "   java -javaagent:$agent=config=src/examples/langchain4j-agent.properties -cp $app/... LangChain4jAgent"
echo "   (its model: a scripted OpenAI-compatible server at $base, which asks for eight tool calls)"
echo
java -javaagent:"$agent"=config=src/examples/langchain4j-agent.properties \
  -Ddemo.dir="$demo" -Ddemo.base="$base" \
  -cp "$app/langchain4j-agent.jar:$app/lib/*" dev.warden.testapps.langchain4j.LangChain4jAgent \
  model="$base/v1" smtp="127.0.0.1:$smtp" "ask=Prepare the Q3 summary for the team" \
  | sed -e 's/^TOOL OK /ALLOWED  /' -e 's/^TOOL ERR /DENIED   /' \
        -e 's/^ANSWER /\n== What the model was told (its final answer lists the tool results it received):\n/' \
        -e 's/ | /\n  /g'

exec 3>&-
wait "$services_pid" || true
echo
echo "== The mail server: $(tail -1 "$demo/services.out")"
echo
echo "== The audit trail, in order: java -jar $agent audit tail --dir $demo/audit"
java -jar "$agent" audit tail --dir "$demo/audit"
echo
echo "== The denials as JSON lines for your SIEM: java -jar $agent audit export --dir $demo/audit --decision deny"
java -jar "$agent" audit export --dir "$demo/audit" --decision deny
