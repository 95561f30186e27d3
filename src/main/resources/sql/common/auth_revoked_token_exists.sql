-- Was this token logged out? The primary key answers.
SELECT 1 FROM revoked_tokens WHERE jti = ?
