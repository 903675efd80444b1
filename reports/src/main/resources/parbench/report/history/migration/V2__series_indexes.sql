-- parbench history, schema 2: the lookups that report, changes and check make (runs of a testbed or of a branch in
-- time order; results of one benchmark) without a full scan.

CREATE INDEX run_by_testbed_time ON run (testbed_id, run_time);
CREATE INDEX run_by_branch_time ON run (branch, run_time);
CREATE INDEX result_by_benchmark ON result (benchmark, mode);
