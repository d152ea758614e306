# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Issue 13: the ways infoblad still broke under an adversarial run, one test (or more) per item.

Black-box where possible: the CLI in-process (CliRunner) or as a process
(``python -m infoblad_cli``), so that these tests survive refactors of the modules.
"""

from __future__ import annotations

import json
import os
import shlex
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from infoblad_cli.history import History

ROOT = Path(__file__).resolve().parent.parent
POSIX = sys.platform != "win32"
posix_only = pytest.mark.skipif(
    not POSIX, reason="POSIX file system features (FIFOs, bytes in names, signals)"
)


def infoblad(
    *args: str | bytes,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    stdin: bytes = b"",
    **kwargs: Any,
) -> subprocess.CompletedProcess[bytes]:
    """infoblad as its own process; arguments may be bytes (names that are not UTF-8)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "FORCE_COLOR")}
    full_env.update(env or {})
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "infoblad_cli", *args],
        env=full_env,
        cwd=cwd,
        input=stdin,
        timeout=120,
        **kwargs,
    )


def no_crash(text: str) -> None:
    assert "Traceback" not in text
    assert "internal error" not in text
    assert "interne fout" not in text


def attempt(taken_at: str = "2026-01-01T10:00:00+00:00", **changes: Any) -> Any:
    base: dict[str, Any] = {
        "taken_at": taken_at,
        "lang": "nl",
        "seed": 1,
        "theme": None,
        "score": 1,
        "max_score": 2,
        "themes": {"in-het-moment": {"score": 1, "max": 2}},
        "answers": [
            {"question": "q" * 40, "kind": "scenario", "answer": "2", "points": 1, "max": 2, "correct": False}
        ]
        * 8,
        "missed": ["q" * 40],
        "ratings": {},
    }
    base.update(changes)
    return base


def pack_with(tmp_path: Path, name: str = "pack") -> Path:
    """A small valid pack: the built-in Dutch contacts file."""
    pack = tmp_path / name
    (pack / "nl").mkdir(parents=True)
    (pack / "nl" / "contact.yaml").write_bytes((ROOT / "content" / "nl" / "contact.yaml").read_bytes())
    return pack


# ---------------------------------------------------------------- 1. a damaged history


def _damage_an_older_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[5 * 4096 : 6 * 4096] = b"\xa5" * 4096  # page 6 of 4096 bytes: far from the newest row
    path.write_bytes(bytes(data))


def _history_with_60_attempts(isolated_env: Path) -> Path:
    store = History(isolated_env / "history.sqlite3")
    for index in range(60):
        store.save(attempt(f"2026-01-{1 + index % 28:02d}T10:{index:02d}:00+00:00", seed=index))
    assert store.path.stat().st_size > 6 * 4096
    return store.path


def _result_file_named_in(text: str) -> Path:
    for word in text.replace("\n", " ").split():
        candidate = Path(word.strip("'\".,:;()"))
        if candidate.suffix == ".json" and candidate.is_file():
            return candidate
    raise AssertionError(f"no result file named in:\n{text}")


def test_1_quiz_refuses_a_history_damaged_in_an_older_page(run: Any, isolated_env: Path) -> None:
    path = _history_with_60_attempts(isolated_env)
    _damage_an_older_page(path)
    before = path.read_bytes()
    shown = run("history")
    assert shown.exit_code == 1 and "beschadigd" in shown.stderr
    done = run("quiz", "--seed", "1", "--count", "1", "--answers", "1")
    assert done.exit_code == 1, done.output
    assert "beschadigd" in done.stderr
    assert "Bewaard" not in done.stdout
    assert path.read_bytes() == before  # never written to


def test_1_a_history_damaged_during_the_quiz_is_not_written_and_the_result_is_kept(
    isolated_env: Path,
) -> None:
    path = _history_with_60_attempts(isolated_env)
    child = subprocess.Popen(
        [sys.executable, "-m", "infoblad_cli", "quiz", "--seed", "1", "--count", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert child.stdin is not None and child.stdout is not None
    shown = b""
    while b"Vraag 1 van 1" not in shown:  # the history was checked; the quiz waits for an answer
        chunk = os.read(child.stdout.fileno(), 4096)
        assert chunk, shown.decode()
        shown += chunk
    _damage_an_older_page(path)
    damaged = path.read_bytes()
    out, err = child.communicate(b"1\n", timeout=120)
    stdout, stderr = (shown + out).decode(), err.decode()
    assert child.returncode == 1, stdout + stderr
    assert "Je resultaat" in stdout and "Bewaard" not in stdout
    assert "beschadigd" in stderr
    assert path.read_bytes() == damaged  # not written after it was found damaged
    kept = _result_file_named_in(stderr)
    assert kept.parent == path.parent
    data = json.loads(kept.read_text("utf-8"))
    assert data["format"] == "infoblad-result" and data["version"] == 1
    assert len(data["questions"]) == 1 and data["quiz"]["seed"] == 1


# ---------------------------------------------------------------- 2. unusual digits in answers


@pytest.mark.parametrize("answer", ["\u00b2", "\u2460", "\u0663", "1" * 5000])
def test_2_unusual_digits_in_answers_are_a_usage_error(run: Any, answer: str) -> None:
    done = run("quiz", "--seed", "1", "--count", "1", "--no-save", "--answers", answer)
    assert done.exit_code == 2, done.output
    assert "past niet bij vraag 1" in " ".join(done.stderr.split())
    assert len(done.stderr) < 2000  # a 5000-digit answer is not printed in full


def test_2_unusual_digits_on_stdin_get_the_hint(run: Any) -> None:
    typed = "\u00b2\n\u2460\n" + "1" * 5000 + "\n1\n"
    done = run("quiz", "--seed", "1", "--count", "1", "--no-save", input=typed)
    assert done.exit_code == 0, done.output
    assert done.stderr.count("geen keuze") == 3
    assert len(done.stderr) < 3000


# ---------------------------------------------------------------- 3. names that are not UTF-8


@posix_only
def test_3_a_pack_folder_that_is_not_utf8_works(tmp_path: Path) -> None:
    pack = pack_with(tmp_path)
    odd = os.fsencode(tmp_path) + b"/pack\xff"
    os.rename(pack, odd)
    for args in ((b"--content-dir", odd, b"contact"), (b"validate", odd), (b"--json", b"validate", odd)):
        done = infoblad(*args, env={"INFOBLAD_CACHE_DIR": str(tmp_path / "cache")})
        no_crash(done.stderr.decode())
        assert done.returncode == 0, done.stderr.decode()
    report = json.loads(infoblad(b"validate", b"--json", odd).stdout)
    assert any("\udcff" in checked for checked in report["checked"])  # the very name, in JSON


@posix_only
def test_3_a_search_term_that_is_not_utf8(tmp_path: Path) -> None:
    done = infoblad(b"search", b"caf\xe9")
    no_crash(done.stderr.decode(errors="replace"))
    assert done.returncode == 1
    assert b"Niets gevonden" in done.stderr
    done = infoblad(b"search", b"--json", b"caf\xe9")
    no_crash(done.stderr.decode(errors="replace"))
    assert done.returncode == 1
    json.loads(done.stdout)  # still one valid JSON document


@posix_only
def test_3_a_data_folder_that_is_not_utf8(tmp_path: Path) -> None:
    folder = os.fsdecode(os.fsencode(tmp_path) + b"/data\xff")
    env = {"INFOBLAD_DATA_DIR": folder}
    saved = infoblad("quiz", "--seed", "1", "--count", "1", "--answers", "1", env=env)
    assert saved.returncode == 0, saved.stderr.decode()
    for args in (("history",), ("history", "--json")):
        done = infoblad(*args, env=env)
        no_crash(done.stderr.decode())
        assert done.returncode == 0, done.stderr.decode()
    assert len(json.loads(infoblad("history", "--json", env=env).stdout)["attempts"]) == 1


# ---------------------------------------------------------------- 4. a folder that cannot be read


def _as_normal_user() -> list[str]:
    """root reads every folder; drop that power so a folder with mode 000 is unreadable."""
    if POSIX and os.geteuid() == 0:
        return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    return []


@posix_only
def test_4_a_language_folder_that_cannot_be_read(tmp_path: Path) -> None:
    pack = pack_with(tmp_path)
    (pack / "nl").chmod(0)
    try:
        for args in (["validate", str(pack)], ["--content-dir", str(pack), "about"]):
            done = subprocess.run(
                [*_as_normal_user(), sys.executable, "-m", "infoblad_cli", *args],
                capture_output=True,
                timeout=120,
                env={**os.environ, "INFOBLAD_CACHE_DIR": ""},
            )
            text = done.stderr.decode() + done.stdout.decode()
            no_crash(text)
            assert done.returncode == 1, text
            assert str(pack / "nl") in text
            assert "kan de map niet lezen" in text  # Dutch, the default
    finally:
        (pack / "nl").chmod(0o755)


# ---------------------------------------------------------------- 5 and 8. stdout closed, full, a broken pipe


def _close_stdout() -> None:
    os.close(1)


@posix_only
@pytest.mark.parametrize("args", [("--json", "about"), ("about",), ("export",), ("search", "vertrouwen")])
def test_5_closed_stdout_is_a_plain_error(args: tuple[str, ...]) -> None:
    done = infoblad(*args, stdout=None, preexec_fn=_close_stdout)
    text = done.stderr.decode()
    no_crash(text)
    assert done.returncode == 1
    assert "uitvoer" in text and "niet" in text


@posix_only
def test_5_closed_stdout_does_not_stop_a_command_that_writes_a_file(tmp_path: Path) -> None:
    done = infoblad("export", "-o", str(tmp_path / "out.md"), stdout=None, preexec_fn=_close_stdout)
    assert done.returncode == 0, done.stderr.decode()
    assert (tmp_path / "out.md").stat().st_size > 1000


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("about",), ("--json", "about"), ("export",), ("--lang", "en", "about")])
def test_5_a_full_disk_on_stdout_is_a_plain_error(args: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        done = infoblad(*args, stdout=full)
    text = done.stderr.decode()
    no_crash(text)
    assert done.returncode == 1
    assert ("could not be written" in text) if "en" in args else ("kon niet" in text)


@posix_only
@pytest.mark.parametrize("args", [("about",), ("search", "vertrouwen"), ("validate",), ("--json", "about")])
def test_8_a_broken_pipe_ends_quietly(args: tuple[str, ...]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like 'head' that has already quit: the first write breaks the pipe
    try:
        done = infoblad(*args, stdout=write_end)
    finally:
        os.close(write_end)
    assert done.stderr == b""
    assert done.returncode == 128 + signal.SIGPIPE  # as a shell reports any tool stopped by SIGPIPE


# ---------------------------------------------------------------- 6. escape sequences


OSC8 = "\x1b]8;;https://example.invalid\x1b\\klik\x1b]8;;\x1b\\"
OSC52 = "\x1b]52;c;aGFjaw==\x07"
CLEAR = "\x1b[2J"
RLO = "\u202e"


def _no_escapes(text: str) -> None:
    for bad in ("\x1b", "\x07", "\x9b", RLO):
        assert bad not in text, repr(text)


@pytest.mark.parametrize("term", [OSC8, "gevaar" + RLO + "txt.exe", CLEAR + "x"])
def test_6_a_search_term_never_reaches_the_terminal_raw(run: Any, term: str) -> None:
    done = run("search", term)
    # Search ranks by words: 'https' in the OSC 8 link finds the web addresses in the content.
    assert done.exit_code in (0, 1)
    assert ("Niets gevonden" in done.stderr) == (done.exit_code == 1)
    assert ("Gevonden voor" in done.stdout) == (done.exit_code == 0)
    _no_escapes(done.stdout + done.stderr)


def test_6_typed_quiz_input_is_never_echoed_raw(run: Any) -> None:
    done = run("quiz", "--seed", "1", "--count", "1", "--no-save", input=f"{OSC52}\n{CLEAR}\n1\n")
    assert done.exit_code == 0, done.output
    assert done.stderr.count("geen keuze") == 2
    _no_escapes(done.stdout + done.stderr)


def test_6_history_text_from_the_file_never_reaches_the_terminal_raw(run: Any, isolated_env: Path) -> None:
    History(isolated_env / "history.sqlite3").save(
        attempt(lang=CLEAR + "nl", themes={OSC52 + "thema" + RLO: {"score": 1, "max": 2}})
    )
    History(isolated_env / "history.sqlite3").save(
        attempt("2026-01-02T10:00:00+00:00", themes={OSC52 + "thema" + RLO: {"score": 2, "max": 2}})
    )
    done = run("history")
    assert done.exit_code == 0, done.output
    assert "thema" in done.stdout
    _no_escapes(done.stdout + done.stderr)


# ---------------------------------------------------------------- 7. content files that are not files


def _replace_contact(pack: Path, how: str) -> Path:
    target = pack / "nl" / "contact.yaml"
    target.unlink()
    if how == "directory":
        target.mkdir()
    elif how == "fifo":
        os.mkfifo(target)
    elif how == "loop":
        target.symlink_to(target.name)
    elif how == "device":
        target.symlink_to("/dev/zero")
    elif how == "dangling":
        target.symlink_to("nowhere.yaml")
    return target


@pytest.mark.parametrize(
    "how",
    [
        "directory",
        pytest.param("fifo", marks=posix_only),
        pytest.param("loop", marks=posix_only),
        pytest.param("device", marks=posix_only),
        pytest.param("dangling", marks=posix_only),
    ],
)
def test_7_a_content_file_that_is_not_a_file_is_a_problem(run: Any, tmp_path: Path, how: str) -> None:
    pack = pack_with(tmp_path)
    target = _replace_contact(pack, how)
    done = run("validate", str(pack))
    assert done.exit_code == 1, done.output
    assert str(target) in done.stdout
    report = json.loads(run("validate", "--json", "--lang", "en", str(pack)).stdout)
    assert not report["ok"]
    assert any(p["file"] == str(target) for p in report["problems"])
    read = run("--content-dir", str(pack), "contact")  # reading commands do not hang or skip it
    assert read.exit_code == 1 and str(target) in read.stderr


# ---------------------------------------------------------------- 9. export over a link


@posix_only
@pytest.mark.parametrize("target", ["nowhere.md", "out.md"])  # dangling, and a loop
def test_9_export_does_not_replace_a_link_without_force(run: Any, tmp_path: Path, target: str) -> None:
    out = tmp_path / "out.md"
    out.symlink_to(tmp_path / target)
    done = run("export", "-o", str(out))
    assert done.exit_code == 2, done.output
    assert out.is_symlink() and os.readlink(out) == str(tmp_path / target)
    forced = run("export", "-o", str(out), "--force")
    no_crash(forced.stderr)
    assert forced.exit_code in (0, 2), forced.output


# ---------------------------------------------------------------- 10. suggested commands are quoted


def _broken_pack(tmp_path: Path, name: str) -> Path:
    pack = tmp_path / name
    (pack / "nl").mkdir(parents=True)
    (pack / "nl" / "lessons.yaml").write_text("lessons:\n  - id: x\n", encoding="utf-8")
    return pack


@posix_only
@pytest.mark.parametrize("name", ["'s-Hertogenbosch", "x$(touch PWNED)", "two words; echo hi"])
def test_10_a_suggested_command_pastes_safely(tmp_path: Path, name: str) -> None:
    pack = _broken_pack(tmp_path, name)
    done = infoblad("--content-dir", name, "about", cwd=tmp_path, env={"COLUMNS": "300"})
    assert done.returncode == 1
    hint = next(line for line in done.stderr.decode().splitlines() if "infoblad validate" in line)
    command = hint[hint.index("infoblad validate") :]
    assert shlex.split(command) == ["infoblad", "validate", name]
    pasted = subprocess.run(
        ["sh", "-c", command.replace("infoblad", shlex.quote(sys.executable) + " -m infoblad_cli", 1)],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    assert pasted.returncode == 1  # it checked the broken pack
    assert str(pack.name) in pasted.stdout.decode()
    assert not (tmp_path / "PWNED").exists()


@posix_only
def test_10_the_again_command_is_quoted(run: Any, tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "'s-Hertogenbosch")
    done = run("--content-dir", str(pack), "quiz", "--seed", "4", "--count", "1", "--answers", "1,2")
    assert done.exit_code == 2
    command = done.stderr[done.stderr.index("infoblad quiz") :].replace("\n", " ").strip()
    assert shlex.split(command)[-2:] == ["--content-dir", str(pack)]


def test_10_windows_quoting_for_cmd_and_powershell() -> None:
    from infoblad_cli.term import command_line

    assert command_line(["infoblad", "validate", r"C:\packs\mijn pack"], windows=True) == (
        r'infoblad validate "C:\packs\mijn pack"'
    )
    assert command_line(["infoblad", "validate", r"C:\p\'s-Hertogenbosch"], windows=True) == (
        r'infoblad validate "C:\p\'s-Hertogenbosch"'
    )
    # $ and backtick mean something inside PowerShell's double quotes: single quotes then.
    assert command_line(["infoblad", "validate", "C:\\x$(calc)"], windows=True) == (
        "infoblad validate 'C:\\x$(calc)'"
    )
    assert (
        command_line(["infoblad", "validate", "C:\\a'b$c"], windows=True) == "infoblad validate 'C:\\a''b$c'"
    )
    assert command_line(["infoblad", "lessons", "plain-id"], windows=True) == "infoblad lessons plain-id"


# ---------------------------------------------------------------- 11. signals during an export


_EXPORT_THAT_WAITS_IN_FSYNC = """
import os, sys
from infoblad_cli import cli

ready, hold = int(sys.argv[1]), int(sys.argv[2])
real_fsync = os.fsync

def fsync(fd):
    os.write(ready, b"x")  # the temp file exists and is being written: the test may signal now
    os.read(hold, 1)  # never released: the signal must end the export
    real_fsync(fd)

os.fsync = fsync
sys.argv = ["infoblad", "export", "--force", "-o", sys.argv[3]]
cli.main()
"""


@posix_only
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_11_a_signal_during_export_leaves_no_temp_file(tmp_path: Path, signum: int) -> None:
    target = tmp_path / "handout.md"
    target.write_text("the old handout\n", encoding="utf-8")
    ready_r, ready_w = os.pipe()
    hold_r, hold_w = os.pipe()
    child = subprocess.Popen(
        [sys.executable, "-c", _EXPORT_THAT_WAITS_IN_FSYNC, str(ready_w), str(hold_r), str(target)],
        pass_fds=(ready_w, hold_r),
        # A test run under nohup (or a CI runner) may ignore SIGHUP, and a child inherits that;
        # infoblad rightly leaves an ignored signal ignored. A terminal's child starts with the default.
        preexec_fn=lambda: signal.signal(signum, signal.SIG_DFL),
        env={**os.environ, "INFOBLAD_CACHE_DIR": ""},
        stderr=subprocess.PIPE,
    )
    os.close(ready_w)
    os.close(hold_r)
    try:
        assert os.read(ready_r, 1) == b"x", child.communicate(timeout=120)
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # the temp file is there
        child.send_signal(signum)
        _, stderr = child.communicate(timeout=120)
    finally:
        os.close(ready_r)
        os.close(hold_w)
        if child.poll() is None:
            child.kill()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.md"], stderr
    assert target.read_text(encoding="utf-8") == "the old handout\n"
    assert child.returncode == 128 + signum
    no_crash(stderr.decode())


# ---------------------------------------------------------------- 12. unclear messages


def test_12_undecodable_history_text_is_called_damaged_without_the_answers(
    run: Any, isolated_env: Path
) -> None:
    path = isolated_env / "history.sqlite3"
    History(path).save(attempt())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE attempts SET detail = CAST(x'7b22616e73776572223a20ff' || detail AS TEXT)")
    conn.close()
    done = run("history")
    assert done.exit_code == 1
    assert "beschadigd" in done.stderr
    assert "schijf" not in done.stderr and "disk" not in done.stderr
    assert "qqqq" not in done.stderr and "answer" not in done.stderr


def test_12_export_to_an_empty_name(run: Any) -> None:
    done = run("export", "-o", "")
    assert done.exit_code == 2
    assert "bestandsnaam" in done.stderr
    assert "bestaat al" not in done.stderr


@pytest.mark.parametrize("how", ["env", "validate"])
def test_12_a_pack_that_is_a_file(run: Any, tmp_path: Path, how: str) -> None:
    pack = tmp_path / "pack.zip"
    pack.write_bytes(b"PK")
    if how == "env":
        done = run("about", env={"INFOBLAD_CONTENT_DIR": str(pack)})
        english = run("--lang", "en", "about", env={"INFOBLAD_CONTENT_DIR": str(pack)})
    else:
        done = run("validate", str(pack))
        english = run("validate", str(pack), env={"INFOBLAD_LANG": "en"})
    assert done.exit_code == 2
    flat = " ".join(done.stderr.split())
    assert "not found" not in flat and "niet gevonden" not in flat
    assert "is een bestand" in flat and str(pack) in flat
    assert "is a file" in " ".join(english.stderr.split())


def test_12_a_language_with_a_control_character_is_shown_as_it_is(run: Any) -> None:
    done = run("about", env={"INFOBLAD_LANG": "nl\x01"})
    assert done.exit_code == 2
    assert "'nl\\x01'" in done.stderr
    assert "\x01" not in done.stderr
    assert "INFOBLAD_LANG" in done.stderr and "geen taal" in done.stderr


def test_12_retry_missed_with_the_wrong_number_of_answers_names_a_command(run: Any) -> None:
    first = run("quiz", "--seed", "2", "--count", "4", "--answers", "1,1,1,1")
    assert first.exit_code == 0, first.output
    done = run("quiz", "--retry-missed", "--answers", "1,1,1,1,1,1,1,1,1")
    assert done.exit_code == 2
    hint = done.stderr[done.stderr.index("Zie de vragen met:") :]
    assert "infoblad quiz --retry-missed" in hint


def test_12_validate_lists_every_problem_at_once(run: Any, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "nl").mkdir(parents=True)
    (pack / "nl" / "cases.yaml").write_text("cases:\n  - id: [unclosed\n", encoding="utf-8")
    lessons = (ROOT / "content" / "nl" / "lessons.yaml").read_text(encoding="utf-8")
    first = lessons.split("\n  - id: ")[1].replace("cases: [heerlen-noord", "cases: [bestaat-niet")
    (pack / "nl" / "lessons.yaml").write_text("lessons:\n  - id: " + first, encoding="utf-8")
    report = json.loads(run("validate", "--json", "--lang", "en", str(pack)).stdout)
    messages = [p["message"] for p in report["problems"]]
    assert any("not valid YAML" in m for m in messages), messages
    assert any("bestaat-niet" in m for m in messages), messages


def test_12_a_duplicate_id_has_its_line(run: Any, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "nl").mkdir(parents=True)
    lessons = (ROOT / "content" / "nl" / "lessons.yaml").read_text(encoding="utf-8")
    first = "  - id: " + lessons.split("\n  - id: ")[1].replace("aanwezig-zijn", "nieuw-x", 1)
    text = "lessons:\n" + first + "\n" + first + "\n"
    (pack / "nl" / "lessons.yaml").write_text(text, encoding="utf-8")
    second_line = text.splitlines().index("  - id: nieuw-x", 2) + 1
    report = json.loads(run("validate", "--json", "--lang", "en", str(pack)).stdout)
    [duplicate] = [p for p in report["problems"] if "twice" in p["message"]]
    assert duplicate["line"] == second_line


@pytest.mark.parametrize(("lang", "one"), [("nl", "1 resultaat gewist."), ("en", "1 result deleted.")])
def test_12_one_result_is_singular(run: Any, isolated_env: Path, lang: str, one: str) -> None:
    History(isolated_env / "history.sqlite3").save(attempt())
    done = run("--lang", lang, "history", "--clear", "--yes")
    assert done.exit_code == 0
    assert done.stdout.strip() == one


# ---------------------------------------------------------------- 13. small things


def test_13_theme_is_case_insensitive(run: Any) -> None:
    done = run(
        "quiz", "--theme", "IN-HET-MOMENT", "--seed", "1", "--count", "1", "--no-save", "--answers", "1"
    )
    assert done.exit_code == 0, done.output


@pytest.mark.parametrize("columns", [12, 15, 19])
def test_13_narrow_terminals_wrap_at_their_width(run: Any, columns: int) -> None:
    done = run("personal", "--plain", env={"COLUMNS": str(columns)})
    assert done.exit_code == 0
    import re
    import unicodedata

    lines = [unicodedata.normalize("NFC", line) for line in done.stdout.splitlines()]
    too_wide = [line for line in lines if len(line) > columns]
    # Only a single word too long for the line (after its indent and bullet), or a command
    # (never broken, so that it can be copied), may stick out.
    words = [re.sub(r"^\s*(?:[-\u2022]|\d+\.)?\s*", "", line) for line in too_wide]
    assert all(" " not in word or word.startswith("infoblad ") for word in words), too_wide[:5]
    assert sum(len(line) <= columns for line in lines) > 0.8 * len(lines)


def _big_lessons(copies: int) -> str:
    lessons = (ROOT / "content" / "nl" / "lessons.yaml").read_text(encoding="utf-8")
    entries = lessons.split("\n  - id: ")[1:]
    return "lessons:\n" + "".join(
        f"  - id: x-{i}\n" + entries[i % len(entries)].split("\n", 1)[1].rstrip() + "\n\n"
        for i in range(copies)
    )


def test_13_a_big_pack_is_read_without_a_node_tree() -> None:
    """The first validate of a 15.9 MB pack took ~10 s and ~400 MB: memory is the part a test can pin."""
    import tracemalloc

    from infoblad_cli.yamlsafe import parse_text

    text = _big_lessons(600)  # about 1.5 MB
    tracemalloc.start()
    try:
        data = parse_text(text, "lessons.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(data["lessons"]) == 600
    # A Node and two Marks per scalar cost almost ten times the file; plain data about four.
    assert peak < 6 * len(text.encode("utf-8")), peak


TRICKY_YAML = [
    "a: 1\nb: [x, y]\nc: {d: e}\n",
    "a: \"esc\\x1b[2J\"\nb: 'single'\nc: |\n  lit\n  eral\nd: >\n  fold\n  ed\n",
    "a: &anchor x\nb: *anchor\n",
    "a: x\na: y\n",
    "[a, b]: x\n",
    "<<: {a: b}\n",
    "__line__: 3\n",
    "- a\n- - b\n  - c\n",
    "a: x\n---\nb: y\n",
    "a: [unclosed\n",
    "",
    "# only a comment\n",
    "plain text\n",
    "a: !!python/object:os.system x\n",
    '"key\\x07": v\n',
    "[" * 40 + "]" * 40,
]


@pytest.mark.parametrize("text", [*TRICKY_YAML, _big_lessons(20)])
def test_13_the_event_reader_reads_what_the_node_reader_did(text: str) -> None:
    from infoblad_cli.errors import ContentError
    from infoblad_cli.fileio import strip_controls
    from infoblad_cli.yamlsafe import _build, loader_class, parse_text

    def by_nodes(prefer_c: bool) -> Any:
        loader = loader_class(prefer_c)(strip_controls(text))
        try:
            node = loader.get_single_node()
            return None if node is None else _build(node, "f.yaml")
        finally:
            loader.dispose()

    for prefer_c in (True, False):
        try:
            old = by_nodes(prefer_c)
        except Exception:  # refused (parse_text turns these into a ContentError)
            with pytest.raises(ContentError):
                parse_text(text, "f.yaml", loader_class(prefer_c))
            continue
        assert parse_text(text, "f.yaml", loader_class(prefer_c)) == old, text


@posix_only
def test_7_a_claims_ledger_that_is_not_a_file_is_a_problem(run: Any, tmp_path: Path) -> None:
    pack = pack_with(tmp_path)
    ledger = pack / "claims.yaml"
    os.mkfifo(ledger)  # reading it would wait for ever; skipping it would hide it
    done = run("validate", "--json", str(pack))
    assert done.exit_code == 1, done.output
    assert any(p["file"] == str(ledger) for p in json.loads(done.stdout)["problems"])
