#!/usr/bin/env python3
"""Model of the push rounds' reads under bench/latency.sh's load (bench/README.md, "Sixth #10 session").

The bench's trades (seed 11: 3,000 created over 60 s, 85 % paid 1-15 s later; 5,000 created over
10 s from the 20th second, paid 1-2 s later), listed the way TOP lists them (modified second
descending, tid ascending within a second; pages of 100), read in rounds as PushedTradeBatches and
PushedTradeReader read them: one round in flight; a round takes every message waiting and lists
its window from page 1 in waves (the first as large as the last round needed, at most 3; then 3)
until its last trade is listed; the next round starts when this one ended and at least
max(interval, calls / pace) after it began; a shop may make `limit` calls in any second.
Latency here = payment -> end of the call that lists the trade: no import, no ERP delivery, no CPU.
Usage: python3 bench/push-rounds-model.py [pace interval_ms call_ms [seed]]
"""
import bisect
import math
import random
import sys


def paid_trades(seed):
    rnd = random.Random(seed)
    created = [(rnd.uniform(0, 60), 'stream') for _ in range(3000)] + [(rnd.uniform(20, 30), 'peak') for _ in range(5000)]
    created.sort()
    paid = []
    for tid, (at, kind) in enumerate(created, start=1):
        if kind == 'peak':
            paid.append((at + rnd.uniform(1, 2), tid))
        elif rnd.random() < 0.85:
            paid.append((at + rnd.uniform(1, 15), tid))
    paid.sort()
    return paid


def run(pace=30, interval=0.05, call=0.010, limit=50, seed=11, paced=True):
    paid = paid_trades(seed)
    times = [p for p, _ in paid]
    latency = [0.0] * len(paid)
    permits = []
    waiting = []
    arrived = 0
    next_start = 0.0
    last_needed = 1
    calls_total = 0
    while arrived < len(paid) or waiting:
        start = next_start if waiting else max(next_start, times[arrived])
        while arrived < len(paid) and times[arrived] <= start:
            waiting.append(arrived)
            arrived += 1
        batch, waiting = waiting, []
        seconds = [math.floor(times[k]) for k in batch]
        low, high = min(seconds) - 1, max(seconds) + 1
        listed = sorted((-math.floor(times[k]), paid[k][1], k)
                        for k in range(bisect.bisect_left(times, low), bisect.bisect_right(times, start))
                        if math.floor(times[k]) <= high)
        position = {entry[2]: i for i, entry in enumerate(listed)}
        needed = max(position[k] for k in batch) // 100 + 1
        page, now, answered_at, calls = 0, start, {}, 0
        while page < needed:
            wave = min(3, max(1, last_needed)) if page == 0 else 3
            for _ in range(wave):
                while len(permits) >= limit and permits[-limit] > now - 1.0:
                    now = permits[-limit] + 1.0
                permits.append(now)
            now += call
            for p in range(page, page + wave):
                answered_at[p] = now
            page += wave
            calls += wave
        last_needed = needed
        calls_total += calls
        for k in batch:
            latency[k] = answered_at[position[k] // 100] - times[k]
        gap = max(interval, calls / pace) if paced else interval
        next_start = max(now, start + gap)
    ranked = sorted(latency)
    rank = lambda f: ranked[min(len(ranked) - 1, math.ceil(f * len(ranked)) - 1)]
    return dict(paid=len(paid), calls=calls_total, p50_ms=round(rank(0.5) * 1000), p99_ms=round(rank(0.99) * 1000))


if __name__ == '__main__':
    if len(sys.argv) >= 4:
        seed = int(sys.argv[4]) if len(sys.argv) > 4 else 11
        print(run(pace=float(sys.argv[1]), interval=float(sys.argv[2]) / 1000, call=float(sys.argv[3]) / 1000, seed=seed))
    else:
        for pace, interval, call in ((30, 50, 10), (30, 50, 25), (40, 50, 10), (40, 50, 25), (40, 25, 10), (45, 25, 10)):
            print(f'pace {pace}/s interval {interval} ms calls {call} ms:', run(pace, interval / 1000, call / 1000))
        print('not paced, interval 50 ms, calls 10 ms:', run(interval=0.05, paced=False))
