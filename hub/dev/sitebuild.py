"""Build a site in a subprocess, as `make build` does, into a folder of the caller's choice.

One way for tests, benchmarks and the engine check to run a real build: the command, its
environment and its log are the same everywhere, and the engine (MkDocs or its fork
ProperDocs) is a parameter.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ENGINES = ("mkdocs", "properdocs")


@dataclass(frozen=True)
class BuildResult:
    """A finished build: where the site went, what the build printed, and how it ended."""

    site: Path
    log: str
    returncode: int
    seconds: float

    @property
    def ok(self) -> bool:
        return self.returncode == 0


class BuildFailed(RuntimeError):
    """A build that exited non-zero; the message carries the build's own log."""


def build_site(
    config_file: Path,
    dest: Path,
    env: Mapping[str, str] | None = None,
    *,
    engine: str = "mkdocs",
    strict: bool = True,
) -> BuildResult:
    """Run `python -m <engine> build` on `config_file` into `dest` (offline feeds, no colour)."""
    return start_build(config_file, dest, env, engine=engine, strict=strict).result()


def start_build(
    config_file: Path,
    dest: Path,
    env: Mapping[str, str] | None = None,
    *,
    engine: str = "mkdocs",
    strict: bool = True,
) -> RunningBuild:
    """`build_site` started in the background: the build runs while the caller does other work
    (a test session starts a long build first and uses it last); `result()` waits for it."""
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r}: use one of {', '.join(ENGINES)}")
    command = [
        sys.executable,
        "-m",
        engine,
        "build",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(dest),
    ]
    # The output goes to files, not pipes: nobody reads a pipe while the build runs, and a full
    # one would stop the build. RunningBuild.result() reads and closes them.
    stdout = tempfile.TemporaryFile("w+")  # noqa: SIM115
    stderr = tempfile.TemporaryFile("w+")  # noqa: SIM115
    proc = subprocess.Popen(
        [*command, "--strict"] if strict else command,
        cwd=Path(config_file).parent,
        env=build_env(env),
        stdout=stdout,
        stderr=stderr,
        text=True,
    )
    return RunningBuild(Path(dest), proc, stdout, stderr, time.perf_counter())


@dataclass
class RunningBuild:
    """A build in a subprocess; `result()` waits for it to end and reads what it printed."""

    site: Path
    proc: subprocess.Popen[str]
    stdout: IO[str]
    stderr: IO[str]
    started: float

    def result(self) -> BuildResult:
        """Wait for the build; the finished build (its log is stdout, then stderr)."""
        returncode = self.proc.wait()
        seconds = time.perf_counter() - self.started
        log = ""
        for stream in (self.stdout, self.stderr):
            stream.seek(0)
            log += stream.read()
            stream.close()
        return BuildResult(self.site, log, returncode, seconds)

    def stop(self) -> None:
        """End the build if it still runs (a session that ends before it needs the site)."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def build_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment with offline feeds and no colour, then `extra` on top."""
    env = {**os.environ, "HUB_FEEDS": "offline", "NO_COLOR": "1", **(extra or {})}
    # Importing Material in the calling process (a test loading the config) sets this to
    # silence its end-of-life notice for later imports; a build should print it as usual.
    env.pop("NO_MKDOCS_2_WARNING", None)
    return env


def build_or_raise(
    config_file: Path,
    dest: Path,
    env: Mapping[str, str] | None = None,
    *,
    engine: str = "mkdocs",
    strict: bool = True,
) -> BuildResult:
    """`build_site`, raising BuildFailed with the log when the build fails."""
    result = build_site(config_file, dest, env, engine=engine, strict=strict)
    if not result.ok:
        raise BuildFailed(f"{config_file}: {engine} build failed ({result.returncode}):\n{result.log}")
    return result
