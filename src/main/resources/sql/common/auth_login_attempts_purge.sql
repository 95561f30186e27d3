-- Attempts that left the window (run at most once per window per server).
DELETE FROM login_attempts WHERE at_ms < ?
