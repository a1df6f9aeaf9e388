"""The command line's grammar: every subcommand and flag (argparse), one-line errors.

Light on purpose: no store or domain imports, so `psr-tui` without a terminal is refused
before anything heavy loads.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from ..domain.audiences import AUDIENCES
from .usage import UsageError

LATEST_RECORDED = "latest"  # what a bare --review-point means
DUE_WITHIN_DAYS = 7  # `due` without --within: this week
SHELLS = ("bash", "zsh")
ROLE_CHOICES = ["adviser", "supervisor", "organisation_lead", "responsible_officer",
                "practitioner", "analyst"]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts read stderr.
        raise UsageError(f"{message} (see {self.prog} --help)")


class _Version(argparse.Action):
    """--version: the installed package's version, looked up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> NoReturn:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("psr-tui")
        except PackageNotFoundError:  # run from a checkout that was never installed
            found = "unknown (not installed)"
        print(f"psr-tui {found}")  # stdout, as every --version: scripts read it
        parser.exit()


class _Subcommands(argparse._SubParsersAction):
    """Subcommands some of whose arguments are added only when that subcommand is the one
    parsed (`later`): `export`'s choices and help come from the register of reports, an
    import that `list`, `check` and `dump` would otherwise pay for on every run."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.later: dict[str, Callable[[argparse.ArgumentParser], None]] = {}

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        fill = self.later.pop(values[0], None)  # values: the name, then its arguments
        if fill is not None:
            fill(self._name_parser_map[values[0]])
        super().__call__(parser, namespace, values, option_string)


def _arguments_of(sub: argparse._SubParsersAction, name: str, parser: argparse.ArgumentParser,
                  fill: Callable[[argparse.ArgumentParser], None]) -> None:
    """`fill` adds `parser`'s arguments: when it is parsed (a lazy grammar), else now."""
    if isinstance(sub, _Subcommands):
        sub.later[name] = fill
    else:
        fill(parser)


def _examples(*lines: str) -> str:
    """An argparse epilog: 'Examples:' then the command lines, kept as written."""
    return "Examples:\n" + "\n".join(f"  {line}" for line in lines)


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="database folder (default: $PSR_TUI_DB, else the user data dir)")
    parser.add_argument("--as", dest="user", metavar="USER", default=default,
                        help="act as this psr-tui user (the database's administrator, or "
                             "--demo; default: $PSR_TUI_USER)")


def add_case_commands(sub: argparse._SubParsersAction, common: bool) -> None:
    """The commands an SSH key may run as well (ssh_session.py): no -o, no --db, no --as."""

    def add(name: str, help_text: str, *examples: str) -> argparse.ArgumentParser:
        # No -h either under a forced command: help is for the administrator's shell.
        p = sub.add_parser(name, help=help_text, description=help_text, add_help=common,
                           epilog=_examples(*examples),
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        if common:
            _common(p, suppress=True)
        return p

    p = add("list", "list cases, most urgent first (closed cases leave the list once "
            "archived)", "psr-tui list", "psr-tui list --json > cases.json",
            "psr-tui list --archived")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--all", action="store_true",
                       help="the working list and the archive together")
    shown.add_argument("--archived", action="store_true",
                       help="only archived cases (closed longer than data/templates/"
                            "retention.toml's archive.after_days), and purged cases' stubs")
    p = add("export", "write a plan or report as Markdown or printable HTML",
            "psr-tui export case-0001 > plan.md",
            "psr-tui export case-0001 --report progress --review-point --format html "
            "-o progress.html")
    _arguments_of(sub, "export", p, lambda p: _export_arguments(p, common))
    p = add("reviews", "your due and overdue review points", "psr-tui reviews",
            "psr-tui reviews --json")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    p = add("due", "review points and deadlines due or overdue: exit 1 when there are some "
            "(for cron), 0 when none",
            "psr-tui due || mail -s 'PSR reviews due' me@example.nhs.uk",
            "psr-tui due --within 14 --detail", "psr-tui due --for dosei --json")
    p.add_argument("--within", type=int, default=DUE_WITHIN_DAYS, metavar="DAYS",
                   help=f"due within DAYS days from today (default {DUE_WITHIN_DAYS})")
    p.add_argument("--for", dest="for_user", metavar="USER",
                   help="another user's items (advisers and the administrator)")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a summary")
    p.add_argument("--detail", action="store_true",
                   help="list each item with the practitioner's name (never in a plain "
                        "reminder: mail must not carry names)")
    p = add("calendar", "an iCalendar file of the review points and deadlines you are "
            "involved in (re-importing updates, never duplicates)",
            "psr-tui calendar -o ~/psr.ics", "psr-tui calendar --for dosei > dosei.ics")
    p.add_argument("--for", dest="for_user", metavar="USER",
                   help="another user's calendar (advisers and the administrator)")
    if common:
        p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p = add("insights", "counts and percentages over the plans in your scope (small numbers "
            "suppressed)", "psr-tui insights --from 2025-04-01 --to 2026-03-31",
            "psr-tui insights --organisation 'Northmoor Hospitals NHS Foundation Trust' --json")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="plans starting (or first issued) on or after DATE (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="... on or before DATE")
    p.add_argument("--organisation", metavar="ORG", help="only this organisation's plans")
    p.add_argument("--json", action="store_true", help="JSON instead of Markdown")
    if common:
        p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p = add("audit", "every change to a case: who, when, what", "psr-tui audit case-0001")
    p.add_argument("case_id", metavar="CASE_ID")
    p.add_argument("--json", action="store_true", help="a JSON array instead of lines")
    add("whoami", "who you are acting as: name, role, organisation", "psr-tui whoami")


def _export_arguments(p: argparse.ArgumentParser, common: bool) -> None:
    from ..export.reports import FORMATS, REPORT_IDS, REPORTS

    lines = "\n".join(f"  {r.id:<17} {r.about}" for r in REPORTS.values())
    p.epilog = f"Reports:\n{lines}\n\n{p.epilog}"
    p.add_argument("case_id", metavar="CASE_ID")
    p.add_argument("--audience", choices=AUDIENCES, default=None,
                   help="who the copy is for (default: organisation for advisers, "
                        "else your role's own)")
    p.add_argument("--report", choices=REPORT_IDS, default="plan",
                   help="which document (default: plan; see Reports below)")
    p.add_argument("--format", choices=tuple(FORMATS), default="markdown",
                   help="markdown (default) or html: one page to open in a browser and "
                        "print (A4, the audience on every page)")
    p.add_argument("--review-point", metavar="ID", nargs="?", const=LATEST_RECORDED,
                   help="for progress / review-sheet: one review point; without an ID, the "
                        "latest recorded (progress) or the next to hold (review-sheet); "
                        "not given: the progress summary / the next review")
    if common:
        p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")


def _user_commands(sub: argparse._SubParsersAction) -> None:
    user = sub.add_parser("user", help="manage the database's users (administrator)",
                          description="manage the database's users (administrator)",
                          epilog=_examples("psr-tui user list",
                                           "psr-tui user add dosei --role supervisor"),
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(user, suppress=True)
    users = user.add_subparsers(dest="user_command", metavar="ACTION", parser_class=Parser,
                                required=True)

    def add(name: str, help_text: str, example: str) -> argparse.ArgumentParser:
        p = users.add_parser(name, help=help_text, description=help_text,
                             epilog=_examples(example),
                             formatter_class=argparse.RawDescriptionHelpFormatter)
        _common(p, suppress=True)
        return p

    p = add("add", "add a user", "psr-tui user add arao --role responsible_officer "
            "--organisation 'Northmoor Hospitals NHS Foundation Trust' --display-name 'Dr A Rao'")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", required=True, choices=ROLE_CHOICES)
    p.add_argument("--organisation", default="", metavar="ORG")
    p.add_argument("--display-name", default="", metavar="TEXT")
    p = add("list", "list the users", "psr-tui user list --json")
    p.add_argument("--json", action="store_true")
    p = add("remove", "remove a user", "psr-tui user remove lbennett")
    p.add_argument("name", metavar="NAME")
    p = add("set-role", "change a user's role", "psr-tui user set-role dosei adviser")
    p.add_argument("name", metavar="NAME")
    p.add_argument("role", metavar="ROLE", choices=ROLE_CHOICES)
    p.add_argument("--organisation", default=None, metavar="ORG")
    p = add("key", "the authorized_keys line pinning a key to a user",
            "psr-tui user key dosei dosei.pub --install")
    p.add_argument("name", metavar="NAME")
    p.add_argument("pubkey_file", metavar="PUBKEY_FILE")
    p.add_argument("--install", action="store_true",
                   help="append it to this account's ~/.ssh/authorized_keys")


def build_parser(*, lazy: bool = False) -> argparse.ArgumentParser:
    """The whole grammar; `lazy` (the command line's own run) leaves a subcommand's heavy
    arguments to be added when that subcommand is parsed (`_Subcommands`)."""
    parser = Parser(prog="psr-tui", description="PSR action plans in the terminal.",
                    epilog=_examples("psr-tui", "psr-tui --demo", "psr-tui review",
                                     "psr-tui due"),
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=_Version, help="print the version and exit")
    _common(parser, suppress=False)
    parser.add_argument("--demo", action="store_true",
                        help="open on demo data (a temporary database unless --db is given)")
    parser.add_argument("--no-mouse", action="store_true",
                        help="leave the mouse to the terminal (keeps text selection)")
    if lazy:
        parser.register("action", "parsers", _Subcommands)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def add(name: str, help_text: str, *examples: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text,
                           epilog=_examples(*examples),
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        _common(p, suppress=True)
        return p

    p = add("review", "open the supervisor's quick update on your due and overdue reviews",
            "psr-tui review", "psr-tui --demo review --as dosei")
    # SUPPRESS: `psr-tui --demo review` and `psr-tui review --demo` both count.
    p.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help="use demo data")
    p.add_argument("--no-mouse", action="store_true", default=argparse.SUPPRESS)
    p = add("demo", "write the demo data into a database", "psr-tui demo --db ./demo-db",
            "psr-tui demo --db /tmp/bench --cases 5000")
    p.add_argument("--cases", type=int, metavar="N", help="N generated cases (for benchmarks)")
    p.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    p = add("dump", "write the whole database as JSON", "psr-tui dump -o backup.json")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p = add("import", "read a dump into the database (conflicts are refused, not overwritten)",
            "psr-tui import backup.json", "psr-tui dump --db old | psr-tui import -")
    p.add_argument("file", metavar="FILE", help="a file written by `psr-tui dump` (- for stdin)")
    add("schema", "print the JSON Schema of the dump format", "psr-tui schema > dump.schema.json")
    add_case_commands(sub, common=True)
    add("check", "check every record's integrity and schema", "psr-tui check")
    p = add("withhold", "record the decision on an organisation's request to withhold the "
            "plan from the practitioner, with its reasons (advisers; 000 7.1)",
            "psr-tui withhold case-0001 --requested-by 'Dr A Rao' --reason 'Support is not "
            "yet in place'",
            "psr-tui withhold case-0001 --requested-by 'Dr A Rao' --reason 'Not agreed' "
            "--refuse")
    p.add_argument("case_id", metavar="CASE_ID")
    p.add_argument("--requested-by", required=True, metavar="NAME",
                   help="who at the organisation asked")
    p.add_argument("--reason", required=True, metavar="TEXT",
                   help="the decision's reasons (written to both)")
    p.add_argument("--refuse", action="store_true",
                   help="the request is not agreed: the plan goes to the practitioner")
    p.add_argument("--not-told", metavar="REASON",
                   help="the practitioner is not to be contacted now, and why")
    p = add("release", "release a withheld plan to the practitioner (advisers)",
            "psr-tui release case-0001")
    p.add_argument("case_id", metavar="CASE_ID")
    p = add("purge", "erase archived cases past their retention period, leaving an audit "
            "stub for each (administrator; see docs/retention.md)", "psr-tui purge --dry-run",
            "psr-tui purge")
    p.add_argument("--dry-run", action="store_true",
                   help="list what would be erased and erase nothing")
    p = add("resume", "resume a paused plan on the advice received (advisers)",
            "psr-tui resume case-0001 --advice 'NCAS advised continuing with weekly CbDs'")
    p.add_argument("case_id", metavar="CASE_ID")
    p.add_argument("--advice", required=True, metavar="TEXT",
                   help="the advice the plan resumes on (recorded, shown in the exports)")
    p = add("withdraw", "withdraw a case, with the reason (advisers; it closes)",
            "psr-tui withdraw case-0001 --reason 'Practitioner left the organisation'")
    p.add_argument("case_id", metavar="CASE_ID")
    p.add_argument("--reason", required=True, metavar="TEXT",
                   help="why the case is withdrawn (recorded, shown in the exports)")
    p = add("lift-condition", "record that a condition on practice was lifted: who decided, "
            "when, on what evidence (advisers, the organisation lead, the responsible officer)",
            "psr-tui lift-condition case-004-mr-g cnd-g1 --by organisation --on 2026-05-04 "
            "--evidence 'Medical director letter of 4 May' --decided-by 'Dr Anita Rao'")
    p.add_argument("case_id", metavar="CASE_ID")
    p.add_argument("condition_id", metavar="CONDITION_ID")
    p.add_argument("--by", required=True, metavar="CODE",
                   help="who lifted it: plan_decision, regulator or organisation "
                        "(vocabulary condition_lifters)")
    p.add_argument("--on", dest="lifted_on", required=True, metavar="DATE",
                   help="the day it was lifted (YYYY-MM-DD; today or earlier)")
    p.add_argument("--evidence", required=True, metavar="TEXT",
                   help="on what evidence (a letter, a review's outcome)")
    p.add_argument("--decided-by", metavar="NAME",
                   help="the person who decided (default: your own name)")
    p = sub.add_parser("completion", help="print a shell completion script (bash or zsh)",
                       description="print a shell completion script (bash or zsh)",
                       epilog=_examples("psr-tui completion bash > ~/.local/share/"
                                        "bash-completion/completions/psr-tui",
                                        "psr-tui completion zsh > ~/.zfunc/_psr-tui"),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("shell", choices=SHELLS)
    _user_commands(sub)
    p = sub.add_parser("ssh-session", help="the command an authorized_keys line forces",
                       description="run as NAME: the app with a terminal, or the allowed "
                                   "command in $SSH_ORIGINAL_COMMAND",
                       epilog=_examples("psr-tui user key dosei dosei.pub --install  "
                                        "# writes the line that runs it"),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("session_user", metavar="NAME")
    return parser
