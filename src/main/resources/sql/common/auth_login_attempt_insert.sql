-- One login attempt, written before the password is checked so parallel guesses see each other.
INSERT INTO login_attempts (bucket, at_ms, attempt) VALUES (?, ?, ?)
