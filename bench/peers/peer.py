#!/usr/bin/env python3
"""bench/run's Python peer: loads every providers/*.yaml of a registry with
libyaml (yaml.CSafeLoader) and evaluates bench/peers/rules' three rules with
vendorlint's outcome table (docs/rules.md), printing the outcome counts.

    python3 bench/peers/peer.py REGISTRY_DIR    # prints pass=.. fail=.. review=.. not_applicable=..
    python3 bench/peers/peer.py --check         # exit 0 when libyaml is available
"""
import os
import sys

import yaml


def tri(value):
    """A registry fact: True, False, or None (absent or `unknown`)."""
    return value if isinstance(value, bool) else None


def outcome(applies, require):
    if applies is False:
        return "not_applicable"
    if require is True:
        return "pass"
    if applies is True and require is False:
        return "fail"
    return "review"


def evaluate(p, counts):
    links = p.get("links") or []
    has_policy = any(isinstance(l, dict) and l.get("kind") == "privacy_policy" for l in links)
    counts[outcome(True, has_policy)] += 1
    storage = p.get("storage") or {}
    stores = tri(storage.get("stores_data"))
    encrypted = tri(storage.get("encrypted_at_rest"))
    counts[outcome(None if stores is None else stores is True,
                   None if encrypted is None else encrypted is True)] += 1
    dpa = ((p.get("contracts") or {}).get("dpa") or {})
    signed = tri(dpa.get("signed"))
    counts[outcome(True, None if signed is None else signed is True)] += 1


def main():
    if sys.argv[1:] == ["--check"]:
        return 0 if hasattr(yaml, "CSafeLoader") else 1
    providers = os.path.join(sys.argv[1], "providers")
    counts = {"pass": 0, "fail": 0, "review": 0, "not_applicable": 0}
    for name in sorted(os.listdir(providers)):
        if not name.endswith(".yaml"):
            continue
        with open(os.path.join(providers, name), "rb") as f:
            evaluate(yaml.load(f, Loader=yaml.CSafeLoader), counts)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
