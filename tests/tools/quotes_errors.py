#!/usr/bin/env python3
"""Lists quote errors of newsmark against a gold set, to study them (not a scorer).

usage: tests/tools/quotes_errors.py GOLD.jsonl SYSTEM.jsonl [fp|fn|spk|bound|all] [N]

fp: system quotes (not scare) matching no gold quote; fn: gold quotes no system quote
overlaps (with the type the system gave an overlapping scare quote, if any); bound:
overlapping but not exact; spk: matched quotes whose speaker is wrong.
Reads ../shared at run time; prints excerpts to the terminal only.
"""
import json, sys, random, collections

def load(p):
    return {str(d["id"]): d for d in map(json.loads, open(p))}

def ctx(t, a, b, w=80):
    return (t[max(0, a - w):a] + "[[" + t[a:b] + "]]" + t[b:b + w]).replace("\n", "¶")

def words(s):
    return {w.strip(".,'\u2019s").lower() for w in s.split() if w[:1].isupper()}

def main():
    gold, sysd = load(sys.argv[1]), load(sys.argv[2])
    what = sys.argv[3] if len(sys.argv) > 3 else "all"
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    out = collections.defaultdict(list)
    for did, g in gold.items():
        t = g["text"]
        req = [x for x in g["spans"] if x["kind"] == "quote" and not x.get("optional")]
        opt = [x for x in g["spans"] if x["kind"] == "quote" and x.get("optional")]
        ss = [x for x in sysd.get(did, {"spans": []})["spans"] if x["kind"] == "quote"]
        live = [x for x in ss if x["type"] != "scare"]
        for x in live:
            if not any(x["start"] < y["end"] and y["start"] < x["end"] for y in req + opt):
                out["fp"].append(x["type"] + " " + ctx(t, x["start"], x["end"]))
        for y in req:
            ov = [x for x in ss if x["start"] < y["end"] and y["start"] < x["end"]]
            lv = [x for x in ov if x["type"] != "scare"]
            if not lv:
                tag = "scare" if ov else "missed"
                out["fn"].append(f"{y['type']} ({tag}) " + ctx(t, y["start"], y["end"]))
                continue
            x = lv[0]
            if (x["start"], x["end"]) != (y["start"], y["end"]):
                out["bound"].append("gold " + ctx(t, y["start"], y["end"], 40) + "\n      sys  " + ctx(t, x["start"], x["end"], 40))
            if y.get("speaker"):
                sp = x.get("speaker") or {}
                ok = False
                if "start" in sp and "speaker_start" in y:
                    ok = sp["start"] < y["speaker_end"] and y["speaker_start"] < sp["end"]
                said = " ".join(str(sp.get(k) or "") for k in ("text", "name"))
                ok = ok or bool(words(y["speaker"]) & words(said))
                if not ok:
                    gs = y.get("speaker_start", 0)
                    out["spk"].append(f"gold={y['speaker']!r}@{gs} sys={sp.get('text')!r}/{sp.get('name')!r}@{sp.get('start')} " + ctx(t, min(y["start"], gs), y["end"], 60)[:600])
    random.seed(0)
    for k in (["fp", "fn", "bound", "spk"] if what == "all" else [what]):
        print(f"== {k}: {len(out[k])}")
        items = out[k][:]
        random.shuffle(items)
        for s in items[:n]:
            print("  " + s)

main()
