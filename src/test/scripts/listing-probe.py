#!/usr/bin/env python3
"""Lists the benchmark's 18,000-member scope on the database a `mvn -Pload` run left behind.

The full run takes about an hour; this starts the same database (PostgreSQL with its buffers empty, or H2's file)
and the same Keycloak build (a fresh JVM) on the data that run loaded, lists the scope `s0` in pages of 1,000 by
cursor as the realm's administrator, several times, and prints each listing's seconds and each page's
milliseconds. The first listing is cold on both sides, so it is a harsher case than the run's first listing, which
follows a warm JVM.

    python3 src/test/scripts/listing-probe.py                       # PostgreSQL, the jar the run installed
    python3 src/test/scripts/listing-probe.py --jar target/arbor-keycloak-0.1.0-SNAPSHOT.jar --repeats 4
    python3 src/test/scripts/listing-probe.py --log-statements      # PostgreSQL logs each statement's duration
    python3 src/test/scripts/listing-probe.py --db h2               # what `mvn -Pload` (H2) left behind
    python3 src/test/scripts/listing-probe.py --db h2 --jfr /tmp/listing.jfr   # Keycloak under Flight Recorder
    python3 src/test/scripts/listing-probe.py --db h2 --idle 120   # the server left alone for two minutes first

Run it with the machine otherwise idle, from the repository's root, after the benchmark has stopped.
"""
import argparse
import collections
import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

PG_PORT, HTTP_PORT, MANAGEMENT_PORT = 42027, 18080, 19000
BASE = f"http://127.0.0.1:{HTTP_PORT}"
DATABASES = {"postgres": "postgres", "h2": "dev-file"}  # the benchmark's name: Keycloak's


def use(database):
    """Points the functions below at the build and data the benchmark left for `database`."""
    global BENCH, KEYCLOAK, BUILD_OPTIONS
    BENCH = Path(f"target/benchmark/keycloak-{database}").resolve()  # PostgreSQL runs in its data directory
    KEYCLOAK = next((d for d in BENCH.glob("keycloak-*") if d.is_dir()), None) if BENCH.is_dir() else None
    BUILD_OPTIONS = [f"--db={DATABASES[database]}", "--cache=local", "--health-enabled=true",
                     "--metrics-enabled=true"]


use("postgres")  # what an importer of these functions gets


def as_postgres(command):
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def postgres_bin():
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return versions[-1]


def start_postgres(extra):
    data, socket = BENCH / "postgres" / "data", BENCH / "postgres" / "socket"
    log = open(BENCH / "postgres" / "probe.log", "w")
    process = subprocess.Popen(as_postgres([str(postgres_bin() / "postgres"), "-D", str(data), "-p", str(PG_PORT),
                                            "-k", str(socket), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                                            *extra]), stdout=log, stderr=subprocess.STDOUT)
    def started():
        if process.poll() is not None:  # e.g. another one runs on that data: its buffers would not be empty
            raise SystemExit(f"PostgreSQL did not start; see {BENCH / 'postgres' / 'probe.log'}")
        return subprocess.run([str(postgres_bin() / "pg_isready"), "-h", "127.0.0.1", "-p", str(PG_PORT)],
                              capture_output=True).returncode == 0
    wait(started, "PostgreSQL")
    return process


def start_keycloak(postgres=True, recording=None):
    log = open(BENCH / "probe-keycloak.log", "w")
    environment = dict(os.environ, JAVA_OPTS_KC_HEAP="-Xms2g -Xmx2g")
    if recording:  # Java's profile settings; written when Keycloak stops
        environment["JAVA_OPTS_APPEND"] = (environment.get("JAVA_OPTS_APPEND", "")
                                           + f" -XX:StartFlightRecording=filename={recording},settings=profile").strip()
    database = [f"--db-url=jdbc:postgresql://127.0.0.1:{PG_PORT}/keycloak", "--db-username=keycloak",
                "--db-password=unused-trust-auth"] if postgres else []  # H2: the build's file under data/h2
    process = subprocess.Popen(
        ["bash", str(KEYCLOAK / "bin" / "kc.sh"), "start", "--optimized", "--http-enabled=true",
         "--http-host=127.0.0.1", f"--http-port={HTTP_PORT}", f"--http-management-port={MANAGEMENT_PORT}",
         "--hostname-strict=false", *database],
        stdout=log, stderr=subprocess.STDOUT, env=environment, start_new_session=True)
    wait(lambda: ready(f"http://127.0.0.1:{MANAGEMENT_PORT}/health/ready"), "Keycloak", 300)
    return process


def ready(uri):
    try:
        return urllib.request.urlopen(uri, timeout=5).status == 200
    except OSError:
        return False


def wait(condition, what, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise SystemExit(f"{what} was not ready within {seconds} s")


def call(path, token, data=None):
    request = urllib.request.Request(BASE + path, data=data,
                                     headers={"Authorization": f"Bearer {token}"} if token else {})
    return json.load(urllib.request.urlopen(request))


def listings(repeats):
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "bench-arbor", "username": "admin",
                                   "password": "bench-password", "scope": "openid"}).encode()
    token = call("/realms/arbor-bench/protocol/openid-connect/token", None, form)["access_token"]
    scope = call("/realms/arbor-bench/tenancy/scopes?key=s0", token)[0]["id"]
    windows = []
    for repeat in range(repeats):
        started, query, members, pages = time.time(), "?max=1000", 0, []
        while query:
            page_started = time.time()
            page = call(f"/realms/arbor-bench/tenancy/scopes/{scope}/members{query}", token)
            pages.append(round((time.time() - page_started) * 1000))
            members += len(page["members"])
            query = f"?max=1000&after={page['next']}" if page.get("next") else None
        began = time.strftime("%H:%M:%S", time.gmtime(started)) + f".{int(started % 1 * 1000):03d} UTC"
        print(f"listing {repeat + 1} (from {began}): {members:,} members in {time.time() - started:.3f} s;"
              f" pages (ms) {pages}", flush=True)
        windows.append((started, time.time()))
    return windows


def recorded(recording, kind):
    """The events of one kind as (seconds of the day, text): `jfr print` writes times of day in the local zone."""
    text = subprocess.run(["jfr", "print", "--events", kind, "--stack-depth", "64", str(recording)],
                          capture_output=True, text=True, check=True).stdout
    events = []
    for event in text.split(kind + " {")[1:]:
        hours, minutes, seconds = re.search(r"startTime = (\d+):(\d+):([\d.]+)", event).groups()
        events.append((int(hours) * 3600 + int(minutes) * 60 + float(seconds), event))
    return events


def milliseconds(event):
    value, unit = re.search(r"duration = ([\d.]+) (s|ms|us|ns)", event).groups()
    return float(value) * {"s": 1000, "ms": 1, "us": 1e-3, "ns": 1e-6}[unit]


def summarize(recording, windows):
    """What the server did while each listing ran: the compiler's long compilations, GC pauses, and who ran."""
    compilations = recorded(recording, "jdk.Compilation")  # the profile settings keep those of 100 ms or more
    pauses = recorded(recording, "jdk.GarbageCollection")
    samples = recorded(recording, "jdk.ExecutionSample")  # threads running Java code, sampled every 10 ms
    for number, (started, ended) in enumerate(windows, 1):
        first = time.localtime(started)
        begin = first.tm_hour * 3600 + first.tm_min * 60 + first.tm_sec + started % 1
        end = begin + ended - started
        inside = lambda events: [event for at, event in events if begin <= at <= end]
        compiled = [milliseconds(event) for event in inside(compilations)]
        threads = collections.Counter()
        for event in inside(samples):
            thread = re.search(r'sampledThread = "([^"]+)"', event).group(1)
            threads["listing" if "MemberUseCases.members" in event
                    else re.sub(r"-?\d+$", "", thread.split(" /")[0])] += 1  # a pool's threads as one
        print(f"recording, listing {number}: {len(compiled)} compilations of 100 ms or more, {sum(compiled):,.0f} ms;"
              f" GC {sum(milliseconds(event) for event in inside(pauses)):,.0f} ms; execution samples"
              f" {dict(threads.most_common(6))}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jar", help="install this provider jar first (and rebuild Keycloak)")
    parser.add_argument("--log-statements", action="store_true", help="PostgreSQL only")
    parser.add_argument("--db", choices=sorted(DATABASES), default="postgres")
    parser.add_argument("--jfr", metavar="FILE", help="record Keycloak with Flight Recorder into FILE")
    parser.add_argument("--idle", type=float, default=0, metavar="SECONDS",
                        help="leave the started server alone this long before the first listing")
    arguments = parser.parse_args()
    use(arguments.db)
    postgres_run = arguments.db == "postgres"
    data = BENCH / "postgres" / "data" if postgres_run else KEYCLOAK / "data" / "h2" if KEYCLOAK else None
    if KEYCLOAK is None or not data.is_dir():
        raise SystemExit(f"no {data or BENCH}: run mvn -Pload -Darbor.load.db={arguments.db} first")
    if arguments.jar:
        shutil.copy(arguments.jar, KEYCLOAK / "providers" / "arbor-keycloak.jar")
        (KEYCLOAK / ".arbor-build").unlink(missing_ok=True)  # the harness rebuilds on its next run too
        subprocess.run(["bash", str(KEYCLOAK / "bin" / "kc.sh"), "build", *BUILD_OPTIONS], check=True,
                       stdout=subprocess.DEVNULL)
    postgres = None
    if postgres_run:
        postgres = start_postgres(["-c", "log_min_duration_statement=0"] if arguments.log_statements else [])
    keycloak = None
    try:
        keycloak = start_keycloak(postgres_run, Path(arguments.jfr).resolve() if arguments.jfr else None)
        time.sleep(arguments.idle)
        windows = listings(arguments.repeats)
    finally:
        if keycloak:
            os.killpg(keycloak.pid, signal.SIGTERM)
            keycloak.wait()
        if postgres:
            # a fast shutdown, to the postmaster itself (not runuser): a smart one would wait for Keycloak's pool
            postmaster = int((BENCH / "postgres" / "data" / "postmaster.pid").read_text().split()[0])
            os.kill(postmaster, signal.SIGINT)
            postgres.wait()
    if arguments.jfr:
        summarize(Path(arguments.jfr), windows)


if __name__ == "__main__":
    main()
