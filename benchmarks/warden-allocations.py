#!/usr/bin/env python3
"""What Warden itself allocates per operation, from a JMH run with -prof gc -prof jfr.

JFR's jdk.ObjectAllocationSample events carry a weight (bytes) and a stack; the share of the
weight whose stack holds a frame of Warden's request path (dev.warden.agent / dev.warden.bootstrap,
not its background threads), times -prof gc's gc.alloc.rate.norm, is Warden's bytes per op.
Per-op allocation that the JVM would otherwise eliminate (escape analysis) is not told apart.

usage: warden-allocations.py profile.jfr BYTES_PER_OP   (needs a JDK 17+ `jfr` on the PATH)
"""
import collections, json, subprocess, sys

BACKGROUND = ('dev.warden.agent.audit.AppenderReaper', 'dev.warden.agent.governor.WardenThreads',
              'dev.warden.shaded.openhft.chronicle.core.io.BackgroundResourceReleaser')

def name(frame):
    m = frame['method']
    return (m['type']['name'] + '.' + m['name']).replace('/', '.')

def main(path, per_op):
    out = subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.ObjectAllocationSample', path],
                         check=True, capture_output=True, text=True).stdout
    total, warden, sites = 0, 0, collections.Counter()
    for e in json.loads(out)['recording']['events']:
        v = e['values']
        frames = [name(f) for f in (v.get('stackTrace') or {}).get('frames', [])]
        total += v['weight']
        if any(f.startswith(BACKGROUND) for f in frames):
            continue
        ours = [f for f in frames if f.startswith(('dev.warden.agent.', 'dev.warden.bootstrap.'))]
        if ours:
            warden += v['weight']
            sites[(ours[0], v['objectClass']['name'])] += v['weight']
    print(f'Warden: {warden / total * per_op:.0f} B/op of {per_op:.0f} B/op ({warden} of {total} sampled bytes)')
    for (frame, cls), w in sites.most_common(10):
        print(f'  {w / total * per_op:8.1f} B/op  {cls} in {frame}')

if __name__ == '__main__':
    main(sys.argv[1], float(sys.argv[2]))
