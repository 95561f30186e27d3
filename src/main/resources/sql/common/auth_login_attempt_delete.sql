-- One attempt's rows: refused, or its password was right.
DELETE FROM login_attempts WHERE bucket IN (?, ?) AND attempt = ?
