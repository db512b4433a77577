#!/usr/bin/env python3
"""Synthesises the example night's break music (mono 16-bit 22.05 kHz WAV, 16 s, loops cleanly)
with nothing but the standard library: a slow plucked arpeggio in D minor pentatonic, in the
spirit of a dombra. The WAV is committed; this script documents how it was made.
"""
import math, os, struct, wave

RATE = 22050
SECONDS = 16
HERE = os.path.dirname(os.path.abspath(__file__))
# D minor pentatonic over two octaves, as (semitones above D3).
STEPS = [0, 3, 5, 7, 10, 12, 15, 17, 19, 22]
PATTERN = [0, 4, 2, 5, 3, 7, 4, 6, 1, 5, 3, 8, 2, 6, 4, 9]


def pluck(frequency, seconds):
    n = int(RATE * seconds)
    return [
        math.exp(-3.0 * i / RATE)
        * min(1.0, i / (0.004 * RATE))
        * (math.sin(2 * math.pi * frequency * i / RATE)
           + 0.35 * math.sin(4 * math.pi * frequency * i / RATE)
           + 0.12 * math.sin(6 * math.pi * frequency * i / RATE))
        for i in range(n)
    ]


samples = [0.0] * (RATE * SECONDS)
beat = SECONDS / len(PATTERN)
for index, step in enumerate(PATTERN):
    frequency = 146.83 * 2 ** (STEPS[step] / 12)
    start = int(index * beat * RATE)
    for i, value in enumerate(pluck(frequency, 2.5)):
        # Wrap around: the tail of the last notes sounds under the first, so the loop is seamless.
        samples[(start + i) % len(samples)] += value
peak = max(abs(s) for s in samples)
with wave.open(os.path.join(HERE, "music", "break.wav"), "wb") as out:
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(RATE)
    out.writeframes(b"".join(struct.pack("<h", int(32767 * 0.7 * s / peak)) for s in samples))
