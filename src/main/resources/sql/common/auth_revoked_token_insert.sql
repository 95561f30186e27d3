-- A logged-out token, refused by every server until it would have expired anyway.
INSERT INTO revoked_tokens (jti, expires_ms) VALUES (?, ?)
