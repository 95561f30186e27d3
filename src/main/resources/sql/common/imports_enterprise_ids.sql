SELECT uscc, id FROM enterprises
