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

Run it with the machine otherwise idle, from the repository's root, after the benchmark has stopped.
"""
import argparse
import json
import os
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


def start_keycloak(postgres=True):
    log = open(BENCH / "probe-keycloak.log", "w")
    environment = dict(os.environ, JAVA_OPTS_KC_HEAP="-Xms2g -Xmx2g")
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
    for repeat in range(repeats):
        started, query, members, pages = time.time(), "?max=1000", 0, []
        while query:
            page_started = time.time()
            page = call(f"/realms/arbor-bench/tenancy/scopes/{scope}/members{query}", token)
            pages.append(round((time.time() - page_started) * 1000))
            members += len(page["members"])
            query = f"?max=1000&after={page['next']}" if page.get("next") else None
        print(f"listing {repeat + 1}: {members:,} members in {time.time() - started:.3f} s; pages (ms) {pages}",
              flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jar", help="install this provider jar first (and rebuild Keycloak)")
    parser.add_argument("--log-statements", action="store_true", help="PostgreSQL only")
    parser.add_argument("--db", choices=sorted(DATABASES), default="postgres")
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
        keycloak = start_keycloak(postgres_run)
        listings(arguments.repeats)
    finally:
        if keycloak:
            os.killpg(keycloak.pid, signal.SIGTERM)
            keycloak.wait()
        if postgres:
            # a fast shutdown, to the postmaster itself (not runuser): a smart one would wait for Keycloak's pool
            postmaster = int((BENCH / "postgres" / "data" / "postmaster.pid").read_text().split()[0])
            os.kill(postmaster, signal.SIGINT)
            postgres.wait()


if __name__ == "__main__":
    main()
