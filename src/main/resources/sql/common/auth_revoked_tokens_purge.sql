-- Revocations of tokens that have expired anyway.
DELETE FROM revoked_tokens WHERE expires_ms < ?
