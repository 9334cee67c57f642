"""One module per command-line verb; each is ``run(args, options, report) -> exit code``.

``cli.main`` imports the verb's module by its name only when that verb runs.
"""
