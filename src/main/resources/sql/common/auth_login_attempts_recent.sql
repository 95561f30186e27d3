-- Attempts still inside the window, per bucket (a user name's, a client address's): the primary key's range.
SELECT bucket, COUNT(*), MIN(at_ms) FROM login_attempts WHERE bucket IN (?, ?) AND at_ms > ? GROUP BY bucket
