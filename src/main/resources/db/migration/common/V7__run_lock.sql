-- Who runs a job now: a process that starts the nightly or quarterly job first locks the job's row here
-- (SELECT … FOR UPDATE SKIP LOCKED in a transaction kept open on its own connection until the run ends). The lock
-- lives exactly as long as that database session: when the process ends or is killed, the database drops the
-- session and the lock with it, so the next run starts at once and knows that no other process is running the job.
-- Runs unchanged on H2 (MODE=MySQL), MySQL 8 and MariaDB 10.6+. Read and written only by io.rectify.jobs.RunLock.
CREATE TABLE run_lock (
    job_name  VARCHAR(100)  NOT NULL PRIMARY KEY
);
INSERT INTO run_lock (job_name) VALUES ('nightly');
INSERT INTO run_lock (job_name) VALUES ('quarterly');
