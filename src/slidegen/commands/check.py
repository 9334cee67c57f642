"""``slidegen check``: accessibility findings for PPTX decks, ours or anyone's; exit 1 when anything is found."""

from __future__ import annotations

import sys

from slidegen.checks import RULES, CheckError, check_file


def run(args, options, report) -> int:
    results = []
    bad = False
    for path in args.decks:
        try:
            findings = check_file(path)
            error = None
        except CheckError as exc:
            findings, error = [], str(exc)
        bad = bad or bool(findings) or error is not None
        results.append((path, findings, error))
        if args.json:
            continue
        if error is not None:
            print(f"{path}: error: {error}", file=sys.stderr)
        for finding in findings:
            print(finding.line(str(path)))
    if args.json:
        from slidegen.cli import print_json

        print_json(
            {
                "rules": RULES,
                "decks": [
                    {"file": str(path), "error": error, "findings": [f.as_dict() for f in findings]}
                    for path, findings, error in results
                ],
            }
        )
    elif not bad and not args.quiet:
        print(f"no findings in {len(results)} deck{'s' if len(results) != 1 else ''}", file=sys.stderr)
    return 1 if bad else 0
