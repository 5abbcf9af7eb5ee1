"""Grade a whole class: run each submitted exercise notebook in a limited kernel, judge the answers outside it.

    python -m crisis_reading.grading grade SUBMISSIONS --out OUT
    python -m crisis_reading.grading merge OUT-1 OUT-2 … --out OUT

Modules: layout (which notebook is whose), sandbox (one notebook in a limited
kernel), answers (answer values as tagged JSON), scoring (judged with the
question bank), batch (worker processes, resume), shards (split and merge),
reports (gradebook, feedback, summary), cli, bench.
"""
