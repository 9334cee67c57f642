"""One module per command-line verb; each is ``run(args, options, report) -> exit code``."""

from __future__ import annotations


def build(args, options, report) -> int:
    from slidegen.commands.build import run

    return run(args, options, report)


def inspect(args, options, report) -> int:
    from slidegen.commands.inspect import run

    return run(args, options, report)


def notes(args, options, report) -> int:
    from slidegen.commands.notes import run

    return run(args, options, report)


def unpack(args, options, report) -> int:
    from slidegen.commands.unpack import run

    return run(args, options, report)


def serve(args, options, report) -> int:
    from slidegen.commands.serve import run

    return run(args, options, report)


def present(args, options, report) -> int:
    from slidegen.commands.present import run

    return run(args, options, report)


def check(args, options, report) -> int:
    from slidegen.commands.check import run

    return run(args, options, report)
