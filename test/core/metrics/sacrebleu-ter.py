"""Writes sacrebleu-ter.json: TER figures from sacrebleu itself, which ter.test.ts must reproduce.

Run with sacrebleu 2.x installed (the figures below came from 2.6.0):

    python3 test/core/metrics/sacrebleu-ter.py > test/core/metrics/sacrebleu-ter.json

Each row is [hypothesis, reference, case_sensitive, edits, reference words]. The pairs are seeded
random, so the file only changes when this script or sacrebleu does. They cover: small
vocabularies (many shift ties), post-edits of the corpus article's sentences (word changes, phrase
moves), segments long enough to spend the 1,000-candidate budget, very unequal lengths (the beam
widens), lowercasing, and Python's white space (U+0085, U+001C, no-break space).
"""
import json
import random
import sys

from sacrebleu.metrics import TER

SEED = 20260505
rng = random.Random(SEED)

CORPUS = "corpus/cho-tae-yul-beijing-forced-repatriation.txt"
with open(CORPUS, encoding="utf-8") as f:
    WORDS = f.read().split()


def small_vocab(n_min, n_max, vocab):
    return " ".join(rng.choice(vocab) for _ in range(rng.randint(n_min, n_max)))


def post_edit(words, n_ops):
    """Returns words after n_ops random edits: substitute, delete, insert, or move a phrase."""
    out = list(words)
    for _ in range(n_ops):
        op = rng.choice("sdim")
        if op == "s" and out:
            out[rng.randrange(len(out))] = rng.choice(WORDS)
        elif op == "d" and out:
            del out[rng.randrange(len(out))]
        elif op == "i":
            out.insert(rng.randint(0, len(out)), rng.choice(WORDS))
        elif op == "m" and len(out) > 2:
            length = rng.randint(1, min(12, len(out) - 1))
            start = rng.randint(0, len(out) - length)
            phrase = out[start:start + length]
            del out[start:start + length]
            at = rng.randint(0, len(out))
            out[at:at] = phrase
    return out


def passage(n):
    start = rng.randint(0, len(WORDS) - n)
    return WORDS[start:start + n]


pairs = []
for _ in range(150):
    vocab = list("abcde")[: rng.randint(2, 5)]
    pairs.append((small_vocab(0, 14, vocab), small_vocab(0, 14, vocab), True))
for _ in range(150):
    words = passage(rng.randint(3, 40))
    pairs.append((" ".join(words), " ".join(post_edit(words, rng.randint(1, 8))), True))
for _ in range(40):
    words = passage(rng.randint(3, 40))
    edited = [w.upper() if rng.random() < 0.2 else w for w in post_edit(words, rng.randint(0, 4))]
    pairs.append((" ".join(words), " ".join(edited), rng.random() < 0.5))
for n in (120, 200, 300):
    for _ in range(4):
        words = passage(n)
        pairs.append((" ".join(words), " ".join(post_edit(words, rng.randint(20, 60))), True))
for _ in range(6):
    vocab = list("abcdefgh")
    pairs.append((small_vocab(60, 140, vocab), small_vocab(60, 140, vocab), True))
for short, long_ in ((1, 120), (3, 200), (150, 2), (40, 400)):
    pairs.append((" ".join(passage(short)), " ".join(passage(long_)), True))
    pairs.append((" ".join(passage(long_)), " ".join(passage(short)), True))
pairs.append(("a\u0085b\u001cc d\u00a0e", "a b c d e", True))
pairs.append(("Minister\u2009Cho said", "Minister Cho said", True))

rows = []
for hyp, ref, case_sensitive in pairs:
    score = TER(case_sensitive=case_sensitive).sentence_score(hyp, [ref])
    rows.append([hyp, ref, case_sensitive, score.num_edits, int(score.ref_length)])
# One row per line, so a change to a figure shows as a one-line diff.
sys.stdout.write("[\n" + ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n]\n")
