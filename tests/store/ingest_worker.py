"""Run one ingest in a child process (the kill -9 test kills it mid-way).

    python ingest_worker.py DB INPUT fake|real
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

if __name__ == "__main__":
    db, inp, mode = sys.argv[1:4]
    if mode == "fake":
        import fake_analyzer

        from marsad.store.ingest import ingest

        report = ingest([inp], db, analyzer=fake_analyzer.analyze_path, batch_size=8, progress=False)
        print(report.summary())
    else:
        from marsad.cli import main

        sys.exit(main(["ingest", inp, "--db", db, "--batch-size", "8", "--quiet"]))
