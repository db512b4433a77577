#!/usr/bin/env python3
"""Synthesises Pecha's cue sounds (mono 16-bit 44.1 kHz WAV) with nothing but the standard library.

The WAVs are committed; this script documents how they were made so anyone can change them.
- click.wav: a soft wooden click at each slide advance;
- tick.wav: a short high tick for each of the last 3 seconds of a slide;
- gong.wav: a gong-like inharmonic tone at the end of a talk.
"""
import math, struct, wave, os

RATE = 44100
HERE = os.path.dirname(os.path.abspath(__file__))

def write(name, samples):
    peak = max(1e-9, max(abs(s) for s in samples))
    with wave.open(os.path.join(HERE, name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(32767 * 0.8 * s / peak)) for s in samples))

def tone(partials, seconds, decay, attack=0.002):
    n = int(RATE * seconds)
    out = []
    for i in range(n):
        t = i / RATE
        env = min(1.0, t / attack) * math.exp(-t / decay)
        out.append(env * sum(a * math.sin(2 * math.pi * f * t) for f, a in partials))
    return out

write("click.wav", tone([(1800, 1.0), (2700, 0.4), (600, 0.3)], 0.06, 0.012, attack=0.0005))
write("tick.wav", tone([(2400, 1.0), (4800, 0.2)], 0.05, 0.010, attack=0.0005))
write("gong.wav", tone([(110, 1.0), (220, 0.5), (298, 0.35), (453, 0.25), (612, 0.15)], 2.5, 0.9, attack=0.01))
