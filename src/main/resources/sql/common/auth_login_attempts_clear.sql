-- A user name's failures, forgiven once its password was right.
DELETE FROM login_attempts WHERE bucket = ?
