"""Grade a whole class: run each submitted exercise notebook in a limited kernel, judge the answers outside it.

    crisis-reading grade SUBMISSIONS --out OUT
    crisis-reading merge OUT-1 OUT-2 … --out OUT

Modules: layout (which notebook is whose), sandbox (one notebook in a limited
kernel), answers (answer values as tagged JSON), scoring (judged with the
question bank), batch (worker processes, resume), shards (split and merge),
reports (gradebook, feedback, summary), isolation (the bubblewrap sandbox),
cli (the grade and merge commands). The benchmark is tools/grading_bench.py.
"""
