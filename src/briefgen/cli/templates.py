"""``briefgen templates``: the shipped Word templates, listed or copied to restyle."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefgen.cli._common import EXIT_OK, Commands, Parser


def add_templates(commands: Commands[Parser]) -> None:
    templates = commands.add_parser(
        "templates",
        help="list the shipped Word templates, or copy one to restyle",
        description="The Word templates briefgen ships; 'briefgen make --template NAME' uses "
        "one. To make your own, copy one, restyle it in Word (keep the {{ }} and {%% %%} tags "
        "whole), and pass its path: 'briefgen make … --template my/briefing.docx'. The "
        "variables a template can use are listed in the README.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    templates.set_defaults(run=_run_templates_list)
    actions = templates.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    actions.add_parser("list", help="name, description and file of each").set_defaults(
        run=_run_templates_list
    )
    copy = actions.add_parser("copy", help="copy a shipped template into a folder")
    copy.add_argument("name", metavar="NAME")
    copy.add_argument("folder", type=Path, metavar="FOLDER")
    copy.set_defaults(run=_run_templates_copy)


def _run_templates_list(args: argparse.Namespace) -> int:
    from briefgen.render.templates import SHIPPED

    for template in SHIPPED:
        print(f"{template.name:<13} {template.description}\n{'':<13} {template.path}")
    return EXIT_OK


def _run_templates_copy(args: argparse.Namespace) -> int:
    from briefgen.render.templates import copy_template

    print(copy_template(args.name, args.folder))
    return EXIT_OK
