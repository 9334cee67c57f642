"""Usage errors in one line, with a guess at the option the user meant (``--ouput`` → ``--output``)."""

from __future__ import annotations

import argparse
import difflib
import sys


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr (exit 2) instead of the whole usage."""

    def parse_known_args(self, args=None, namespace=None):
        self._argv = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str):
        prog = self.prog
        if message.startswith("unrecognized arguments:"):
            command = self._command()
            if command is not None:
                prog = command.prog
            found = [self.suggest(token, command) for token in message.split(":", 1)[1].split()]
            guesses = [g for g in found if g]
            hint = f"did you mean {' or '.join(guesses)}?" if guesses else f"'{prog} --help' lists the options"
            message = f"{message} ({hint})"
        elif message.startswith("argument COMMAND: invalid choice:"):
            typed = message.split(":", 2)[2].split("(")[0].strip().strip("'")
            commands = [name for a in self._actions if isinstance(a, argparse._SubParsersAction) for name in a.choices]
            close = difflib.get_close_matches(typed, commands, n=1)
            message = f"unknown command {typed!r}; " + (
                f"did you mean {close[0]}?" if close else f"choose from {', '.join(commands)}"
            )
        self.exit(2, f"{prog}: error: {message}\n")

    def suggest(self, token: str, command: argparse.ArgumentParser | None) -> str | None:
        """The option closest to a mistyped ``token`` (``--ouput=x`` counts as ``--ouput``), if any is close."""
        if not token.startswith("-"):
            return None
        known = [
            s
            for parser in (command, self)
            if parser is not None
            for action in parser._actions
            for s in action.option_strings
            if s.startswith("--")
        ]
        close = difflib.get_close_matches(token.split("=", 1)[0], known, n=1, cutoff=0.75)
        return close[0] if close else None

    def _command(self) -> argparse.ArgumentParser | None:
        """The subcommand's parser named on the command line, found from the arguments this parser was given."""
        subparsers = [a for a in self._actions if isinstance(a, argparse._SubParsersAction)]
        for token in getattr(self, "_argv", []):
            for action in subparsers:
                if token in action.choices:
                    return action.choices[token]
        return None
