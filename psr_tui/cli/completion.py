"""`psr-tui completion bash|zsh`: the shell completion script, made by shtab from the
grammar itself (cli/parser.py), so a new subcommand or report completes with no edit here."""

from __future__ import annotations

import argparse

import shtab

from .parser import build_parser


def cmd_completion(args: argparse.Namespace) -> int:
    print(shtab.complete(build_parser(), shell=args.shell))
    return 0
