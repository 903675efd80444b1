-- parbench history, schema 1: testbeds, runs, results and every raw sample.
-- Portable SQL: the same file runs on SQLite and PostgreSQL (no auto-increment: every key is natural or a hash).

CREATE TABLE testbed (
    id             VARCHAR(64)   NOT NULL PRIMARY KEY, -- SHA-256 prefix of the fingerprint (or of the --testbed name)
    name           VARCHAR(200)  NOT NULL,             -- readable, e.g. xeon-2c-jdk25
    cpu_model      VARCHAR(400),
    logical_cores  INTEGER,
    physical_cores INTEGER,
    memory_bytes   BIGINT,
    kernel         VARCHAR(200),
    jdk_vendor     VARCHAR(200),
    jdk_version    VARCHAR(100)
);

CREATE TABLE run (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,    -- SHA-256 of the run's files: the same run is stored once
    testbed_id  VARCHAR(64)   NOT NULL REFERENCES testbed (id),
    commit_sha  VARCHAR(100),
    branch      VARCHAR(400),
    run_time    VARCHAR(40)   NOT NULL,                -- ISO-8601 UTC instant (yyyy-MM-ddTHH:mm:ss.SSSZ): sorts as time
    source      VARCHAR(4000) NOT NULL,                -- the path it was ingested from
    manifest    TEXT,                                  -- manifest.json as read; null for a plain JMH file
    ingested_at VARCHAR(40)   NOT NULL
);

CREATE TABLE result (
    run_id                 VARCHAR(64)   NOT NULL REFERENCES run (id),
    ordinal                INTEGER       NOT NULL,     -- position in the run, files in core-count order
    file_name              VARCHAR(400)  NOT NULL,
    cores                  INTEGER,                    -- null for a plain JMH file without cores-<c> in its name
    python                 INTEGER       NOT NULL,     -- 1 for python-cores-<c>.json
    benchmark              VARCHAR(1000) NOT NULL,
    mode                   VARCHAR(40)   NOT NULL,
    params                 TEXT          NOT NULL,     -- JSON object, keys sorted
    threads                INTEGER       NOT NULL,
    forks                  INTEGER       NOT NULL,
    warmup_iterations      INTEGER       NOT NULL,
    measurement_iterations INTEGER       NOT NULL,
    jdk_version            VARCHAR(100),
    vm_name                VARCHAR(200),
    jmh_version            VARCHAR(40),
    unit                   VARCHAR(100)  NOT NULL,     -- JMH's unit; the samples are in it
    histogram              INTEGER       NOT NULL,     -- 1 when the samples are sample-mode histogram bins
    score                  DOUBLE PRECISION,           -- JMH's score (null where JMH wrote NaN)
    score_error            DOUBLE PRECISION,
    norm_unit              VARCHAR(100)  NOT NULL,     -- the unit of run_value, low and high
    run_value              DOUBLE PRECISION,           -- mean of fork means of the samples: the series' point
    low                    DOUBLE PRECISION,           -- its hierarchical bootstrap interval (forks, then iterations)
    high                   DOUBLE PRECISION,
    speedup                DOUBLE PRECISION,           -- over sequential in the same run, as the report computes it
    efficiency             DOUBLE PRECISION,           -- physical ideal / measured, as the report computes it
    PRIMARY KEY (run_id, ordinal)
);

-- One row per measurement iteration (bin 0, count 1) or per sample-mode histogram bin.
CREATE TABLE sample (
    run_id    VARCHAR(64)      NOT NULL,
    ordinal   INTEGER          NOT NULL,
    fork      INTEGER          NOT NULL,
    iteration INTEGER          NOT NULL,
    bin       INTEGER          NOT NULL,
    value     DOUBLE PRECISION,                        -- null where JMH wrote NaN
    count     BIGINT           NOT NULL,
    PRIMARY KEY (run_id, ordinal, fork, iteration, bin),
    FOREIGN KEY (run_id, ordinal) REFERENCES result (run_id, ordinal)
);
